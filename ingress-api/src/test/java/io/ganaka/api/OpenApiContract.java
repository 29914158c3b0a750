package io.ganaka.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.ganaka.schemas.Json;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The served OpenAPI document read as a contract: which operations it declares, and whether a real answer matches
 * what it declares for that operation and status (body schema, media type and headers).
 */
final class OpenApiContract {

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private final JsonNode document;

    OpenApiContract(JsonNode document) {
        this.document = document;
    }

    /** Every operation as {@code "GET /expenses/{id}"}. */
    Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().fieldNames()
                .forEachRemaining(key -> {
                    if (METHODS.contains(key)) {
                        operations.add(key.toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                }));
        return operations;
    }

    JsonNode operation(String method, String path) {
        JsonNode operation = document.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
        assertThat(operation.isObject()).as("%s %s in the document", method, path).isTrue();
        return operation;
    }

    /** Whether the operation needs a token: the document-wide requirement unless it says {@code security: []}. */
    boolean authenticated(String method, String path) {
        JsonNode security = operation(method, path).get("security");
        return security == null ? !document.path("security").isEmpty() : !security.isEmpty();
    }

    /** The statuses the operation declares, e.g. {@code ["202", "400"]}. */
    Set<String> statuses(String method, String path) {
        Set<String> statuses = new TreeSet<>();
        operation(method, path).path("responses").fieldNames().forEachRemaining(statuses::add);
        return statuses;
    }

    /** Whether the operation declares the header parameter {@code name}, on itself or on its path. */
    boolean takesHeader(String method, String path, String name) {
        List<JsonNode> parameters = new ArrayList<>();
        document.path("paths").path(path).path("parameters").forEach(parameters::add);
        operation(method, path).path("parameters").forEach(parameters::add);
        return parameters.stream().map(this::resolve)
                .anyMatch(p -> p.path("in").asText().equals("header") && p.path("name").asText().equals(name));
    }

    /** Every {@code $ref} in the document that does not point at anything in it. */
    List<String> danglingReferences() {
        List<String> dangling = new ArrayList<>();
        collectDangling(document, dangling);
        return dangling;
    }

    private void collectDangling(JsonNode node, List<String> dangling) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            boolean local = ref != null && ref.asText().startsWith("#/");
            if (ref != null && (!local || document.at(ref.asText().substring(1)).isMissingNode())) {
                dangling.add(ref.asText());
            }
        }
        node.elements().forEachRemaining(child -> collectDangling(child, dangling));
    }

    /** The {@code {name}} segments of path templates that no path parameter declares. */
    List<String> undeclaredPathParameters() {
        List<String> undeclared = new ArrayList<>();
        document.path("paths").properties().forEach(path -> {
            Set<String> declared = new TreeSet<>();
            collectPathParameters(path.getValue(), declared);
            path.getValue().properties().forEach(op -> collectPathParameters(op.getValue(), declared));
            Matcher names = PATH_PARAMETER.matcher(path.getKey());
            while (names.find()) {
                if (!declared.contains(names.group(1))) {
                    undeclared.add(path.getKey() + " {" + names.group(1) + "}");
                }
            }
        });
        return undeclared;
    }

    private void collectPathParameters(JsonNode owner, Set<String> names) {
        for (JsonNode parameter : owner.path("parameters")) {
            JsonNode resolved = resolve(parameter);
            if (resolved.path("in").asText().equals("path")) {
                names.add(resolved.path("name").asText());
            }
        }
    }

    /** Every example of a request or response body that does not match its own schema, with the reasons. */
    List<String> examplesThatBreakTheirSchemas() {
        List<String> broken = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (!METHODS.contains(op.getKey())) {
                return;
            }
            String where = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
            checkExamples(where + " request", resolve(op.getValue().path("requestBody")), broken);
            op.getValue().path("responses").properties().forEach(
                    r -> checkExamples(where + " " + r.getKey(), resolve(r.getValue()), broken));
        }));
        return broken;
    }

    private void checkExamples(String where, JsonNode body, List<String> broken) {
        body.path("content").properties().forEach(media -> {
            JsonNode example = media.getValue().get("example");
            if (example != null && media.getKey().contains("json")) {
                Set<ValidationMessage> problems = schema(media.getValue().path("schema")).validate(example);
                if (!problems.isEmpty()) {
                    broken.add(where + " " + media.getKey() + ": " + problems);
                }
            }
        });
    }

    /**
     * Asserts that {@code response} is one the document declares for {@code method path}: its status is listed, its
     * media type is one of that status's, its body matches that media type's schema, and the headers declared for it
     * are there.
     */
    void assertMatches(String method, String path, HttpResponse<String> response) throws IOException {
        String status = Integer.toString(response.statusCode());
        JsonNode declared = resolve(operation(method, path).path("responses").path(status));
        assertThat(declared.isObject()).as("%s %s declares status %s; body %s", method, path, status, response.body())
                .isTrue();
        for (Iterator<String> headers = declared.path("headers").fieldNames(); headers.hasNext(); ) {
            String header = headers.next();
            assertThat(response.headers().firstValue(header)).as("header %s of %s %s %s", header, method, path, status)
                    .isPresent();
        }
        if (declared.path("content").isEmpty()) {
            assertThat(response.body()).as("%s %s %s has no body", method, path, status).isEmpty();
            return;
        }
        String mediaType = response.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
        JsonNode content = declared.path("content").path(mediaType);
        assertThat(content.isObject()).as("%s %s %s declares media type %s", method, path, status, mediaType).isTrue();
        JsonNode body = Json.MAPPER.readTree(response.body());
        Set<ValidationMessage> problems = schema(content.path("schema")).validate(body);
        assertThat(problems).as("%s %s %s body %s", method, path, status, response.body()).isEmpty();
    }

    private JsonSchema schema(JsonNode node) {
        ObjectNode schema = ((ObjectNode) node).deepCopy();
        // The schema's $refs point into the document's components; carry them along so that they resolve.
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.set("components", document.path("components"));
        return SCHEMAS.getSchema(schema);
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref == null ? node : resolve(document.at(ref.asText().substring(1)));
    }
}
