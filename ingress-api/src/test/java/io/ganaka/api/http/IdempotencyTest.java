package io.ganaka.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.api.errors.UnprocessableException;
import io.ganaka.auth.Principal;
import io.ganaka.schemas.Json;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.javalin.json.JavalinJackson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link Idempotency} wrapper on a small in-process Javalin app, with an in-memory store. */
class IdempotencyTest {

    private final FakeIdempotencyStore store = new FakeIdempotencyStore();
    private final AtomicInteger runs = new AtomicInteger();
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final HttpClient http = HttpClient.newHttpClient();
    private Javalin app;

    @BeforeEach
    void start() {
        Idempotency idempotency = new Idempotency(store);
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            config.routes.before(Requests::assignRequestId);
            // Stands in for the access check: the caller is whoever the test says.
            config.routes.before(ctx -> Requests.setPrincipal(ctx,
                    new Principal(ctx.header("X-Test-User"), "user", "t", Instant.now().plusSeconds(60))));
            config.routes.post("/things", idempotency.wrap(this::create));
            config.routes.post("/other", idempotency.wrap(this::create));
            config.routes.post("/uploads", idempotency.wrap(this::upload));
            new ErrorMapper().register(config.routes, List.of());
        }).start(0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    /** 201 with a numbered body; "invalid" fails with 422, "teapot" answers 418, "slow" waits for the test. */
    private void create(Context ctx) throws Exception {
        int run = runs.incrementAndGet();
        String body = ctx.body();
        if (body.contains("invalid")) {
            throw new UnprocessableException("name", "is invalid");
        }
        if (body.contains("teapot")) {
            ctx.status(418).result("no");
            return;
        }
        if (body.contains("slow")) {
            entered.countDown();
            release.await(30, TimeUnit.SECONDS);
        }
        ctx.status(201).header("Location", "/things/" + run).header("ETag", "\"" + run + "\"")
                .header("X-Per-Response", "run " + run).json(Map.of("run", run));
    }

    /** Echoes the size of the uploaded file, proving the handler can still read it after the wrapper did. */
    private void upload(Context ctx) {
        runs.incrementAndGet();
        UploadedFile file = ctx.uploadedFile("file");
        ctx.status(201).result(file.filename() + " " + file.contentAndClose(in -> {
            try {
                return in.readAllBytes().length;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
    }

    private HttpResponse<String> upload(String key, String csv) throws Exception {
        String boundary = "b0undary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bank.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/uploads"))
                .header("X-Test-User", "u1").header(Idempotency.HEADER, key)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String user, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .header("X-Test-User", user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header(Idempotency.HEADER, key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theSameKeyAndRequestGetTheFirstAnswerAgainWithoutRunningTheHandler() throws Exception {
        HttpResponse<String> first = post("/things", "u1", "key-1", "{\"name\":\"a\"}");
        HttpResponse<String> again = post("/things", "u1", "key-1", "{\"name\":\"a\"}");

        assertThat(runs).hasValue(1);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.headers().firstValue(Idempotency.REPLAYED)).isEmpty();
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body()).isEqualTo("{\"run\":1}");
        assertThat(again.headers().firstValue(Idempotency.REPLAYED)).contains("true");
        for (String header : List.of("Location", "ETag", "Content-Type")) {
            assertThat(again.headers().firstValue(header)).as(header).isEqualTo(first.headers().firstValue(header));
        }
        assertThat(again.headers().firstValue("X-Per-Response")).isEmpty();
    }

    @Test
    void aMultipartUploadIsFingerprintedByItsPartsAndStillReadableByTheHandler() throws Exception {
        HttpResponse<String> first = upload("key-1", "date,amount\n2026-03-01,1.00");
        HttpResponse<String> again = upload("key-1", "date,amount\n2026-03-01,1.00");
        HttpResponse<String> changed = upload("key-1", "date,amount\n2026-03-01,2.00");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.body()).isEqualTo("bank.csv 27");
        assertThat(again.headers().firstValue(Idempotency.REPLAYED)).contains("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(changed.statusCode()).isEqualTo(422);
        assertThat(runs).hasValue(1);
    }

    @Test
    void requestsWithoutAKeyAlwaysRun() throws Exception {
        post("/things", "u1", null, "{}");
        post("/things", "u1", null, "{}");

        assertThat(runs).hasValue(2);
    }

    @Test
    void theSameKeyWithAnotherBodyOrPathIsRefusedWith422() throws Exception {
        post("/things", "u1", "key-1", "{\"name\":\"a\"}");

        HttpResponse<String> otherBody = post("/things", "u1", "key-1", "{\"name\":\"b\"}");
        HttpResponse<String> otherPath = post("/other", "u1", "key-1", "{\"name\":\"a\"}");

        assertThat(runs).hasValue(1);
        for (HttpResponse<String> refused : List.of(otherBody, otherPath)) {
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.headers().firstValue("Content-Type")).get().asString()
                    .startsWith(Problem.CONTENT_TYPE);
            assertThat(refused.body()).contains(Idempotency.HEADER);
        }
    }

    @Test
    void theSameKeyWhileTheFirstRequestRunsIsRefusedWith409() throws Exception {
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> {
            try {
                return post("/things", "u1", "key-1", "{\"name\":\"slow\"}");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();

        HttpResponse<String> second = post("/things", "u1", "key-1", "{\"name\":\"slow\"}");
        release.countDown();

        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.body()).contains("idempotency-key-in-use");
        assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
        assertThat(runs).hasValue(1);
    }

    @Test
    void aFailedFirstAttemptReleasesTheKeySoThatARetryRuns() throws Exception {
        assertThat(post("/things", "u1", "key-1", "{\"name\":\"invalid\"}").statusCode()).isEqualTo(422);
        assertThat(post("/things", "u1", "key-1", "{\"name\":\"invalid\"}").statusCode()).isEqualTo(422);
        assertThat(post("/things", "u1", "key-2", "{\"name\":\"teapot\"}").statusCode()).isEqualTo(418);
        assertThat(post("/things", "u1", "key-2", "{\"name\":\"teapot\"}").statusCode()).isEqualTo(418);

        assertThat(runs).hasValue(4);
        assertThat(store.keys()).isEmpty();
    }

    @Test
    void theSameKeyOfTwoUsersNamesTwoIndependentRequests() throws Exception {
        HttpResponse<String> first = post("/things", "u1", "key-1", "{\"name\":\"a\"}");
        HttpResponse<String> second = post("/things", "u2", "key-1", "{\"name\":\"b\"}");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.headers().firstValue(Idempotency.REPLAYED)).isEmpty();
        assertThat(runs).hasValue(2);
    }

    @Test
    void keysAreStoredScopedByUserAndHashed() throws Exception {
        post("/things", "u1", "my-secret-key", "{}");

        assertThat(store.keys()).singleElement().asString().startsWith("u1:").doesNotContain("my-secret-key")
                .matches("u1:[0-9a-f]{64}");
    }

    @Test
    void malformedKeysAreRefusedWith400BeforeAnythingRuns() throws Exception {
        // (java.net.http sends non-ASCII characters as '?', so those are covered by the next test only.)
        for (String key : List.of("", "x".repeat(256), "tab\there")) {
            HttpResponse<String> response = post("/things", "u1", key, "{}");

            assertThat(response.statusCode()).as("key %s", key).isEqualTo(400);
            assertThat(response.body()).contains("malformed-request").contains(Idempotency.HEADER);
        }
        assertThat(runs).hasValue(0);
        assertThat(post("/things", "u1", "x".repeat(255), "{}").statusCode()).isEqualTo(201);
    }

    @Test
    void keysArePrintableAsciiOfAtMost255Characters() {
        assertThat(Idempotency.isValidKey("a")).isTrue();
        assertThat(Idempotency.isValidKey("9f1c0e1e-3b1a-4c55-a0a4-2f7e6b0b7f0d")).isTrue();
        assertThat(Idempotency.isValidKey("with space and ~!")).isTrue();
        assertThat(Idempotency.isValidKey("x".repeat(255))).isTrue();
        assertThat(Idempotency.isValidKey("")).isFalse();
        assertThat(Idempotency.isValidKey("   ")).isFalse();
        assertThat(Idempotency.isValidKey("x".repeat(256))).isFalse();
        assertThat(Idempotency.isValidKey("new\nline")).isFalse();
        assertThat(Idempotency.isValidKey("del\u007f")).isFalse();
        assertThat(Idempotency.isValidKey("caf\u00e9")).isFalse();
    }

    @Test
    void onlyAuthenticatedPostsOutsideAuthAreIdempotent() {
        assertThat(Routes.isIdempotent(new RouteSpec("POST", "/expenses", ApiRole.USER))).isTrue();
        assertThat(Routes.isIdempotent(new RouteSpec("POST", "/auth/logout", ApiRole.USER))).isFalse();
        assertThat(Routes.isIdempotent(new RouteSpec("POST", "/auth/login", ApiRole.PUBLIC))).isFalse();
        assertThat(Routes.isIdempotent(new RouteSpec("PUT", "/users/{id}", ApiRole.USER))).isFalse();
    }

    @Test
    void postsThatAnswerWithAWebhookSecretAreNotIdempotent() {
        assertThat(Routes.isIdempotent(new RouteSpec("POST", "/webhooks", ApiRole.USER))).isFalse();
        assertThat(Routes.isIdempotent(new RouteSpec("POST", "/webhooks/{id}/rotate-secret", ApiRole.USER))).isFalse();
        assertThat(Routes.isIdempotent(new RouteSpec("POST", "/webhooks/{id}/test", ApiRole.USER))).isTrue();
    }
}
