package io.ganaka.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ganaka.schemas.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated bad requests to every route of the OpenAPI document (enumerated from it, so a new route is covered the
 * day it is documented): malformed JSON, wrong JSON types per field, bodies above the size limit, odd Unicode,
 * boundary amounts and dates, injection strings, random bytes under any content type, bad path and query parameters
 * and missing or garbage credentials. Whatever is sent: no 5xx, a problem+json body for every 4xx, no stack trace in
 * any body, and a refused request changes nothing (the database and the event stream are as before).
 */
class BadRequestsIT {

    private static final int TRIES = 200;
    private static final String OTHER_PASSWORD = "not the password at all";
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final Pattern STACK_FRAME = Pattern.compile("\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)"
            + "|\\tat |at io\\.ganaka|at java\\.|at org\\.eclipse|at io\\.javalin");
    private static final String UUID_NONE = "00000000-0000-0000-0000-000000000000";

    private static RunningApi api;
    private static RunningApi.User user;
    private static List<Operation> operations;

    /** One documented operation, e.g. {@code PUT /expenses/{id}}. */
    record Operation(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** A body and the content type it is declared as (null: no header). */
    record Body(String contentType, byte[] bytes, String kind) {
        @Override
        public String toString() {
            String text = new String(bytes, StandardCharsets.UTF_8);
            return kind + " [" + contentType + "] " + (text.length() > 300 ? text.substring(0, 300) + "…("
                    + bytes.length + " bytes)" : text);
        }
    }

    @BeforeContainer
    static void start() throws Exception {
        api = new RunningApi(ApiOptions.ownEnvironment());
        user = api.signedInUser();
        JsonNode document = ApiClient.json(api.client.get("/api-docs", null));
        operations = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (OpenApiContract.METHODS.contains(method)) {
                operations.add(new Operation(method.toUpperCase(Locale.ROOT), path.getKey()));
            }
        }));
        assertThat(operations).hasSizeGreaterThan(40);
    }

    @AfterContainer
    static void stop() throws Exception {
        if (api != null) {
            api.close();
        }
    }

    @Property(tries = TRIES)
    void noBadRequestGetsA5xxAStackTraceOrChangesState(
            @ForAll("operations") Operation operation,
            @ForAll("pathValues") List<String> pathValues,
            @ForAll("queries") String query,
            @ForAll("bodies") Body body,
            @ForAll("credentials") String credentials) throws Exception {
        String target = fill(operation.path(), pathValues) + query;
        Map<String, String> headers = new LinkedHashMap<>();
        String authorization = authorization(credentials);
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        boolean sendsBody = !operation.method().equals("GET") && !operation.method().equals("DELETE");
        if (sendsBody && body.contentType() != null) {
            headers.put("Content-Type", body.contentType());
        }
        Map<String, String> databaseBefore = api.databaseSnapshot();
        long eventsBefore = api.storedEvents();

        RawHttp.Response response = RawHttp.send(api.server.port(), operation.method(), target, headers,
                sendsBody ? body.bytes() : null);

        String what = operation.method() + " " + target + " → " + response.status() + " " + response.body();
        assertThat(response.status()).as(what).isLessThan(500);
        assertThat(STACK_FRAME.matcher(response.body()).find()).as("a stack trace in " + what).isFalse();
        if (response.status() >= 400) {
            assertThat(response.header("Content-Type")).as(what).startsWith("application/problem+json");
            assertThat(response.body()).as(what).doesNotContain("Exception");
            assertThat(api.storedEvents()).as("events published by the refused " + what).isEqualTo(eventsBefore);
            assertThat(api.databaseSnapshot()).as("rows changed by the refused " + what).isEqualTo(databaseBefore);
        } else if (operation.path().startsWith("/auth/logout") || operation.path().equals("/auth/password")) {
            user = api.logIn(user.email()); // the generated request signed the session out: sign in again
        }
    }

    /** Found by the property above: Jetty answered a PUT or DELETE it refused itself without any body. */
    @Example
    void refusalsByJettyItselfAreProblemsForEveryMethod() throws Exception {
        for (String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH")) {
            RawHttp.Response tooLarge = RawHttp.send(api.server.port(), method, "/users/x",
                    Map.of("Authorization", "Bearer " + "a".repeat(9000)), null);
            RawHttp.Response undecodable = RawHttp.send(api.server.port(), method, "/expenses/%ZZ", Map.of(), null);

            assertThat(tooLarge.status()).as(method).isEqualTo(431);
            assertThat(tooLarge.header("Content-Type")).as(method).startsWith("application/problem+json");
            assertThat(undecodable.status()).as(method).isEqualTo(400);
            assertThat(undecodable.header("Content-Type")).as(method).startsWith("application/problem+json");
        }
    }

    // ---- what is sent ------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<Operation> operations() {
        return Arbitraries.of(operations);
    }

    /** Values for the path parameters, in order; more than needed is fine. */
    @Provide
    Arbitrary<List<String>> pathValues() {
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.of(UUID_NONE, "1-1-1-1-1", "not-a-uuid", "..", "%2e%2e%2fetc%2fpasswd", "%00", "%ZZ", "%",
                        "0", "-1", "13", "2026", "99999999999999999999", "2026.5", "%D9%A3", "1e3", "%20", "x".repeat(3000),
                        "%F0%9F%92%B8", "%ED%A0%80", "null", "me"),
                Arbitraries.strings().ofMaxLength(30).map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8)));
        return value.list().ofSize(3);
    }

    @Provide
    Arbitrary<String> queries() {
        Arbitrary<String> name = Arbitraries.of("limit", "cursor", "from", "to", "q", "currency", "minAmount", "maxAmount",
                "categoryId", "status", "channel", "outcome", "format", "months", "unknown");
        Arbitrary<String> pair = Combinators.combine(name, Arbitraries.oneOf(badTexts(), Arbitraries.strings()
                .ofMaxLength(20))).as((n, v) -> n + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
        return Arbitraries.oneOf(
                Arbitraries.just(""),
                pair.list().ofMinSize(1).ofMaxSize(4).map(pairs -> "?" + String.join("&", pairs)),
                Arbitraries.of("?%", "?limit=%zz", "?q=%E0%A4%A", "?&&&==", "?limit=1&limit=2", "?limit=-1",
                        "?limit=2147483648", "?cursor=" + "A".repeat(4000), "?from=2026-02-30&to=1969-12-31"));
    }

    @Provide
    Arbitrary<Body> bodies() {
        Arbitrary<String> jsonType = Arbitraries.of("application/json", "application/json; charset=utf-8",
                "application/json; charset=bogus", "application/problem+json", "text/plain", "text/csv",
                "application/octet-stream", "multipart/form-data", "multipart/form-data; boundary=x",
                "application/x-www-form-urlencoded", "application/json;;;", "*/*", "ä/ö");
        return Arbitraries.oneOf(
                Arbitraries.of("{", "[", "{\"amount\":", "nul", "{\"a\":1}}", "\"\\ud800\"", "{\"a\":1,\"a\":2}",
                        "[".repeat(5000), "{\"id\":\"x\",\"userId\":\"y\"}", "", "   ", "\u0000", "{'a':1}",
                        "{\"amount\":\"1\"} trailing").map(s -> new Body("application/json", bytes(s), "malformed")),
                Combinators.combine(Arbitraries.of(Templates.NAMES), Arbitraries.integers().between(0, 9), badValues())
                        .as((template, field, value) -> new Body("application/json",
                                bytes(Templates.withField(template, field, value)), "bad field")),
                Arbitraries.integers().between(17 * 1024, 96 * 1024).map(size -> new Body("application/json",
                        bytes("{\"description\":\"" + "a".repeat(size) + "\"}"), "too large")),
                Combinators.combine(jsonType, Arbitraries.bytes().array(byte[].class).ofMaxSize(400))
                        .as((type, bytes) -> new Body(type, bytes, "random bytes")),
                Arbitraries.of(Templates.NAMES).map(t -> new Body(null, bytes(Templates.valid(t)), "no content type")));
    }

    @Provide
    Arbitrary<String> credentials() {
        return Arbitraries.of("none", "valid", "Bearer", "Bearer ", "Bearer x", "Basic dXNlcjpwYXNz", "bearer valid",
                "Bearer alg-none", "Bearer " + "a".repeat(9000), "Bearer ..", "Bearer \u00e4\u00f6\u00fc",
                "Bearer valid valid");
    }

    private static String authorization(String credentials) {
        return switch (credentials) {
            case "none" -> null;
            case "valid" -> "Bearer " + user.token();
            case "bearer valid" -> "bearer " + user.token();
            case "Bearer valid valid" -> "Bearer " + user.token() + " " + user.token();
            case "Bearer alg-none" -> "Bearer " + algNone(user.token());
            default -> credentials;
        };
    }

    /** The user's own token with its header switched to alg none and no signature. */
    private static String algNone(String token) {
        String[] parts = token.split("\\.");
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + parts[1] + ".";
    }

    /** JSON values of the wrong type or at a boundary, written as JSON text. */
    static Arbitrary<String> badValues() {
        return Arbitraries.oneOf(
                Arbitraries.of("1e20", "-1", "0", "-0", "1.7976931348623157e309", "99999999999999999999999", "true",
                        "false", "null", "[]", "{}", "[[[[[]]]]]", "{\"a\":{\"b\":{}}}", "\"\"", "\" \"", "\"NaN\"",
                        "\"Infinity\"", "\"1e400\"", "\"12.345\"", "\"-0.00\"", "\"9999999999.999\"", "\"0.001\"",
                        "\"10000000000.00\"", "\"1,5\"", "\"0x10\"", "\"0000-00-00\"", "\"2026-02-30\"",
                        "\"9999-12-31T23:59:60Z\"", "\"+275760-09-13T00:00:00Z\"", "\"1969-12-31T23:59:59Z\"",
                        "\"2026-03-15T12:00:00\"", "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"\\u202eevil\"",
                        "\"\\u200b\\u200d\\ufeff\"", "\"\\u0000\"", "\"a\\u0000b\"", "\"\\ufffe\\uffff\""),
                badTexts().map(BadRequestsIT::jsonString),
                Arbitraries.strings().all().ofMaxLength(40).map(BadRequestsIT::jsonString),
                Arbitraries.integers().between(1, 20_000).map(n -> jsonString("x".repeat(n))));
    }

    static Arbitrary<String> badTexts() {
        return Arbitraries.of("' OR '1'='1", "'; DROP TABLE expenses; --", "\" OR \"\"=\"", "<script>alert(1)</script>",
                "<img src=x onerror=alert(1)>", "${jndi:ldap://x/a}", "{{7*7}}", "../../etc/passwd", "%00", "\\",
                "\u202e\u0645\u0631\u062d\u0628\u0627", "\u200b", "\ud83d\udcb8", "ǅ", "İ", "ß", "\uffff");
    }

    /** A JSON string literal with every character outside printable ASCII escaped, lone surrogates included. */
    static String jsonString(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                json.append(c);
            } else {
                json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        return json.append('"').toString();
    }

    private static String fill(String path, List<String> values) {
        Matcher m = PATH_PARAMETER.matcher(path);
        StringBuilder filled = new StringBuilder();
        int i = 0;
        while (m.find()) {
            m.appendReplacement(filled, Matcher.quoteReplacement(values.get(i++ % values.size())));
        }
        m.appendTail(filled);
        return filled.toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Valid bodies of the routes that take one, to break one field of at a time. */
    static final class Templates {

        static final String[] NAMES = {"expense", "category", "rule", "budget", "webhook", "profile", "credentials",
            "refresh", "password", "empty"};

        static String valid(String name) {
            return switch (name) {
                case "expense" -> "{\"amount\":\"12.34\",\"currency\":\"EUR\",\"description\":\"Espresso\","
                        + "\"merchant\":\"Nero\",\"occurredAt\":\"2026-03-15T08:30:00Z\",\"tags\":[\"coffee\"],"
                        + "\"notes\":\"double\",\"categoryId\":\"" + UUID_NONE + "\"}";
                case "category" -> "{\"name\":\"Coffee\",\"description\":\"Beans\",\"color\":\"#aa5500\"}";
                case "rule" -> "{\"name\":\"Coffee shops\",\"priority\":10,\"match\":\"all\",\"conditions\":"
                        + "[{\"field\":\"description\",\"operator\":\"contains\",\"value\":\"espresso\"}],"
                        + "\"actions\":{\"tags\":[\"coffee\"]},\"stopProcessing\":false}";
                case "budget" -> "{\"items\":[{\"currency\":\"EUR\",\"amount\":\"300\"}]}";
                case "webhook" -> "{\"url\":\"https://example.com/hook\",\"eventTypes\":[\"expense.added\"],"
                        + "\"description\":\"mine\",\"active\":true}";
                case "profile" -> "{\"displayName\":\"Ada\",\"timezone\":\"Europe/Berlin\",\"preferences\":"
                        + "{\"defaultCurrency\":\"EUR\",\"quietHours\":{\"start\":\"23:00\",\"end\":\"06:00\"}}}";
                case "credentials" -> "{\"email\":\"someone@example.org\",\"password\":\"" + OTHER_PASSWORD + "\"}";
                case "refresh" -> "{\"refreshToken\":\"abc.def\"}";
                // A wrong current password, so that no generated request can change the user's real one.
                case "password" -> "{\"currentPassword\":\"" + OTHER_PASSWORD + "\",\"newPassword\":\"" + OTHER_PASSWORD
                        + " 2\"}";
                default -> "{}";
            };
        }

        /** The template with its field number {@code index} (modulo their count) set to the JSON text {@code value}. */
        static String withField(String name, int index, String value) {
            try {
                ObjectNode body = (ObjectNode) Json.MAPPER.readTree(valid(name));
                List<String> fields = new ArrayList<>();
                body.fieldNames().forEachRemaining(fields::add);
                String field = fields.isEmpty() ? "amount" : fields.get(index % fields.size());
                // Spliced as text: the value may be JSON that Jackson would not write (a lone surrogate escape).
                body.put(field, "\u0001PLACEHOLDER\u0001");
                return Json.MAPPER.writeValueAsString(body).replace("\"\\u0001PLACEHOLDER\\u0001\"", value);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
