package io.ganaka.api.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ganaka.api.errors.FieldError;
import io.ganaka.api.errors.MalformedRequestException;
import io.ganaka.api.errors.UnsupportedMediaTypeException;
import io.ganaka.api.errors.ValidationException;
import io.ganaka.schemas.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a request body as a JSON tree: 415 unless declared JSON, 400 unless it parses as exactly one JSON value
 * without server-owned fields. Every body-reading handler goes through here.
 */
public final class JsonBodies {

    // Duplicate keys are ambiguous (which one wins?) and trailing garbage means a broken client: refuse both.
    private static final ObjectReader READER = Json.MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** Fields the server owns; sending any of them at the top level of a body is refused. */
    public static final List<String> SERVER_FIELDS = List.of("id", "userId", "createdAt", "updatedAt", "role",
            "version");

    private JsonBodies() {}

    public static JsonFields fields(Context ctx) {
        return JsonFields.of(read(ctx));
    }

    public static JsonNode read(Context ctx) {
        // The raw header: the servlet API's getContentType() throws on an unknown charset parameter, which is a 500.
        String contentType = ctx.header("Content-Type");
        if (!isJson(contentType)) {
            throw new UnsupportedMediaTypeException(contentType);
        }
        // bodyAsBytes enforces the configured maximum request size (413).
        return parse(ctx.bodyAsBytes());
    }

    /**
     * Parses a body already read: exactly one JSON value without server-owned fields.
     *
     * @throws MalformedRequestException when it is empty or not JSON
     * @throws ValidationException       when it sends a server-owned field
     */
    public static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw new MalformedRequestException("request body is empty");
        }
        JsonNode tree;
        try {
            tree = READER.readTree(body);
        } catch (JsonProcessingException e) {
            // Only the position: the parser's message quotes the offending input, which may be a token or password.
            throw new MalformedRequestException("request body is not valid JSON" + position(e));
        } catch (IOException e) {
            throw new MalformedRequestException("request body could not be read");
        }
        refuseServerFields(tree);
        return tree;
    }

    /**
     * Refuses, with one 400 naming each of them, top-level fields that only the server sets: a client that sends
     * them either misunderstands the API or tries to choose its owner, role or version.
     */
    public static void refuseServerFields(JsonNode body) {
        if (!(body instanceof ObjectNode object)) {
            return;
        }
        List<FieldError> errors = new ArrayList<>();
        for (String field : SERVER_FIELDS) {
            if (object.has(field)) {
                errors.add(new FieldError(field, "is set by the server and may not be sent"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static String position(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json")
                || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
    }
}
