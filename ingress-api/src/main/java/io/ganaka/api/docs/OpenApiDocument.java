package io.ganaka.api.docs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.ganaka.schemas.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The OpenAPI 3.1 document of the API, written by hand in {@code openapi.yaml} beside this class and served as JSON
 * ({@code GET /api-docs}) and as the YAML it is written in ({@code GET /api-docs.yaml}). Both are rendered once, at
 * start; {@code info.version} is this build's version.
 */
public final class OpenApiDocument {

    static final String SOURCE = "io/ganaka/api/docs/openapi.yaml";

    private final byte[] json;
    private final byte[] yaml;

    private OpenApiDocument(byte[] json, byte[] yaml) {
        this.json = json;
        this.yaml = yaml;
    }

    /** The document that ships in the jar, read once per JVM however many servers start. */
    public static OpenApiDocument bundled() {
        return Bundled.DOCUMENT;
    }

    /** Holds the bundled document, read on first use. */
    private static final class Bundled {
        static final OpenApiDocument DOCUMENT = read();
    }

    private static OpenApiDocument read() {
        YAMLMapper yamlMapper = new YAMLMapper();
        try {
            ObjectNode document = (ObjectNode) yamlMapper.readTree(Resources.read(SOURCE));
            ((ObjectNode) document.path("info")).put("version", ApiVersion.current());
            return new OpenApiDocument(Json.MAPPER.writeValueAsBytes(document), yamlMapper.writeValueAsBytes(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(SOURCE + " is not valid YAML", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document as a tree, e.g. to compare it with the route table. */
    public JsonNode tree() {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void json(Context ctx) {
        ctx.contentType("application/json").header("Cache-Control", "no-cache").result(json);
    }

    public void yaml(Context ctx) {
        ctx.contentType("application/yaml; charset=utf-8").header("Cache-Control", "no-cache").result(yaml);
    }
}
