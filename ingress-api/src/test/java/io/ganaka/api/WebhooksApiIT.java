package io.ganaka.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.ganaka.api.RunningApi.User;
import io.ganaka.api.events.JetStreamPublisher;
import io.ganaka.api.webhooks.WebhookService;
import io.ganaka.api.webhooks.WebhookSettings;
import io.ganaka.schemas.Json;
import io.ganaka.schemas.webhooks.WebhookSignature;
import io.ganaka.schemas.webhooks.WebhookSignature.Verdict;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /webhooks} over real HTTP against real Postgres and Redis, with test deliveries to a receiver in this JVM on
 * a free loopback port. The API under test allows private targets, as development does; the environment's own server
 * keeps the default (public targets only), to show both sides of the rule.
 */
class WebhooksApiIT {

    private static RunningApi running;
    private static ApiServer server;
    private static ApiClient api;
    private static HttpServer receiver;
    private static final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    /** What the receiver got: the path, the headers that matter, and the raw body. */
    private record Received(String path, Map<String, String> headers, byte[] body) {}

    @BeforeAll
    static void start() throws Exception {
        running = new RunningApi(ApiOptions.sharedEnvironment().namingSuffix("-webhooks"));
        server = ApiServer.start(running.dependencies(running.naming,
                        new JetStreamPublisher(running.nats, running.naming, 64, Duration.ofSeconds(5)))
                .withLimits(TestLimits.GENEROUS)
                .withWebhooks(new WebhookSettings(true, Duration.ofSeconds(2), Duration.ofSeconds(5))));
        api = new ApiClient(server.port());
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new HashMap<>();
            for (String name : List.of("Content-Type", "User-Agent", "Ganaka-Signature", "Ganaka-Event-Type",
                    "Ganaka-Delivery-Id")) {
                String value = exchange.getRequestHeaders().getFirst(name);
                if (value != null) {
                    headers.put(name, value);
                }
            }
            // Recorded before answering, so a test that has the API's answer finds it here.
            received.add(new Received(exchange.getRequestURI().getPath(), headers, body));
            String path = exchange.getRequestURI().getPath();
            int status = path.endsWith("/broken") ? 500 : path.endsWith("/gone") ? 410 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (receiver != null) {
            receiver.stop(0);
        }
        if (server != null) {
            server.close();
        }
        if (running != null) {
            running.close();
        }
    }

    @BeforeEach
    void forgetDeliveries() {
        received.clear();
    }

    // ---- CRUD -----------------------------------------------------------------------------------------------------

    @Test
    void postCreatesAWebhookAndShowsItsSecretOnlyInThatAnswer() throws Exception {
        User ada = running.signedInUser();

        HttpResponse<String> created = api.postJson("/webhooks", "{\"url\":\"" + receiverUrl("/ada")
                + "\",\"eventTypes\":[\"expense.added\",\"alert.raised\"],\"description\":\"Books\"}", ada.token());

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = ApiClient.json(created);
        String id = body.get("id").asText();
        String secret = body.get("secret").asText();
        assertThat(created.headers().firstValue("Location")).contains("/webhooks/" + id);
        assertThat(created.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(secret).startsWith("whsec_").hasSize(49);
        assertThat(body.get("url").asText()).isEqualTo(receiverUrl("/ada"));
        assertThat(Json.MAPPER.convertValue(body.get("eventTypes"), new TypeReference<List<String>>() {}))
                .containsExactly("expense.added", "alert.raised");
        assertThat(body.get("description").asText()).isEqualTo("Books");
        assertThat(body.get("active").asBoolean()).isTrue();
        assertThat(body.get("createdAt").asText()).isNotBlank();

        HttpResponse<String> read = api.get("/webhooks/" + id, ada.token());
        HttpResponse<String> list = api.get("/webhooks", ada.token());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(read).fieldNames()).toIterable().containsExactlyInAnyOrder("id", "url",
                "eventTypes", "description", "active", "createdAt", "updatedAt");
        assertThat(read.body()).doesNotContain(secret);
        assertThat(list.body()).doesNotContain(secret);
    }

    @Test
    void theListHoldsOnlyTheCallersWebhooksOldestFirst() throws Exception {
        User ada = running.signedInUser();
        User bob = running.signedInUser();
        String first = create(ada, "/first").get("id").asText();
        String second = create(ada, "/second").get("id").asText();
        create(bob, "/bob");

        HttpResponse<String> list = api.get("/webhooks", ada.token());

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(list).get("items").findValuesAsText("id")).containsExactly(first, second);
    }

    @Test
    void putReplacesEveryFieldAndDeleteRemovesTheWebhook() throws Exception {
        User ada = running.signedInUser();
        String id = create(ada, "/before").get("id").asText();

        HttpResponse<String> replaced = api.putJson("/webhooks/" + id, "{\"url\":\"" + receiverUrl("/after")
                + "\",\"eventTypes\":[\"report.updated\"],\"active\":false}", ada.token());

        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        JsonNode body = ApiClient.json(replaced);
        assertThat(body.get("url").asText()).isEqualTo(receiverUrl("/after"));
        assertThat(body.get("eventTypes").get(0).asText()).isEqualTo("report.updated");
        assertThat(body.get("eventTypes")).hasSize(1);
        assertThat(body.get("description").isNull()).isTrue();
        assertThat(body.get("active").asBoolean()).isFalse();
        assertThat(body.has("secret")).isFalse();
        assertThat(ApiClient.json(api.get("/webhooks/" + id, ada.token()))).isEqualTo(body);

        assertThat(api.delete("/webhooks/" + id, ada.token()).statusCode()).isEqualTo(204);
        Problems.assertProblem(api.get("/webhooks/" + id, ada.token()), 404, "not-found");
        Problems.assertProblem(api.delete("/webhooks/" + id, ada.token()), 404, "not-found");
    }

    @Test
    void anotherUsersWebhookIsAnsweredLikeOneThatDoesNotExist() throws Exception {
        User ada = running.signedInUser();
        User mallory = running.signedInUser();
        JsonNode webhook = create(ada, "/ada-only");
        String id = webhook.get("id").asText();
        String nobodys = UUID.randomUUID().toString();

        for (String path : List.of("/webhooks/" + id, "/webhooks/" + nobodys, "/webhooks/not-a-uuid")) {
            Problems.assertProblem(api.get(path, mallory.token()), 404, "not-found");
            Problems.assertProblem(api.putJson(path, "{\"url\":\"" + receiverUrl("/mallory")
                    + "\",\"eventTypes\":[\"expense.added\"]}", mallory.token()), 404, "not-found");
            Problems.assertProblem(api.postJson(path + "/rotate-secret", "", mallory.token()), 404, "not-found");
            Problems.assertProblem(api.postJson(path + "/test", "", mallory.token()), 404, "not-found");
            Problems.assertProblem(api.delete(path, mallory.token()), 404, "not-found");
        }

        assertThat(received).as("nothing was sent for the stranger").isEmpty();
        JsonNode unchanged = ApiClient.json(api.get("/webhooks/" + id, ada.token()));
        assertThat(unchanged.get("url").asText()).isEqualTo(receiverUrl("/ada-only"));
        assertThat(unchanged.get("updatedAt")).isEqualTo(webhook.get("updatedAt"));
        assertThat(ApiClient.json(api.get("/webhooks", mallory.token())).get("items")).isEmpty();
    }

    @Test
    void badBodiesAreProblemsListingEveryFieldError() throws Exception {
        User ada = running.signedInUser();

        HttpResponse<String> response = api.postJson("/webhooks", "{\"url\":\"ftp://example.org/x\","
                + "\"eventTypes\":[\"user.deleted\"],\"active\":\"yes\",\"colour\":1}", ada.token());

        JsonNode problem = Problems.assertProblem(response, 400);
        assertThat(problem.get("type").asText()).endsWith("/validation");
        assertThat(problem.get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("url", "eventTypes", "active", "colour");
        Problems.assertProblem(api.post("/webhooks", "url=x", "application/x-www-form-urlencoded", ada.token()),
                415, "unsupported-media-type");
        Problems.assertProblem(api.postJson("/webhooks", "[", ada.token()), 400, "malformed-request");
        Problems.assertProblem(api.postJson("/webhooks", "{\"id\":\"" + UUID.randomUUID() + "\",\"url\":\""
                + receiverUrl("/x") + "\",\"eventTypes\":[\"expense.added\"]}", ada.token()), 400, "validation");
        assertThat(ApiClient.json(api.get("/webhooks", ada.token())).get("items")).isEmpty();
    }

    @Test
    void withDefaultSettingsLoopbackAndPrivateTargetsAreRefused() throws Exception {
        User ada = running.signedInUser();

        for (String url : List.of(receiverUrl("/x"), "http://localhost/x", "http://169.254.169.254/latest",
                "http://10.0.0.1/x", "http://[::1]/x")) {
            HttpResponse<String> response = running.client.postJson("/webhooks", "{\"url\":\"" + url
                    + "\",\"eventTypes\":[\"expense.added\"]}", ada.token());

            JsonNode problem = Problems.assertProblem(response, 400);
            assertThat(problem.get("errors").get(0).get("field").asText()).as(url).isEqualTo("url");
            assertThat(problem.get("errors").get(0).get("message").asText()).as(url)
                    .isEqualTo("must not point at a loopback, private, link-local or multicast address");
        }
    }

    @Test
    void aUserHasAtMostTenWebhooks() throws Exception {
        User ada = running.signedInUser();
        for (int i = 0; i < WebhookService.MAX_WEBHOOKS; i++) {
            create(ada, "/n" + i);
        }

        HttpResponse<String> eleventh = api.postJson("/webhooks", body("/n10"), ada.token());

        Problems.assertProblem(eleventh, 409, "webhook-limit-reached");
        assertThat(ApiClient.json(api.get("/webhooks", ada.token())).get("items")).hasSize(10);
    }

    // ---- test deliveries and secrets -----------------------------------------------------------------------------

    @Test
    void aTestDeliveryReachesTheReceiverSignedWithTheWebhooksSecret() throws Exception {
        User ada = running.signedInUser();
        JsonNode webhook = create(ada, "/signed");
        String id = webhook.get("id").asText();

        HttpResponse<String> response = api.postJson("/webhooks/" + id + "/test", "", ada.token());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = ApiClient.json(response);
        assertThat(result.get("delivered").asBoolean()).isTrue();
        assertThat(result.get("outcome").asText()).isEqualTo("sent");
        assertThat(result.get("statusCode").asInt()).isEqualTo(204);
        assertThat(result.get("error").isNull()).isTrue();
        assertThat(result.get("durationMs").asLong()).isNotNegative();
        Received delivery = received.poll();
        assertThat(delivery).isNotNull();
        assertThat(delivery.path()).isEqualTo("/hooks/signed");
        assertThat(WebhookSignature.verify(webhook.get("secret").asText(), delivery.headers().get("Ganaka-Signature"),
                delivery.body(), Instant.now(), WebhookSignature.DEFAULT_TOLERANCE)).isEqualTo(Verdict.VALID);
        assertThat(delivery.headers()).containsEntry("Ganaka-Event-Type", "webhook.test")
                .containsEntry("Ganaka-Delivery-Id", result.get("deliveryId").asText())
                .containsEntry("Content-Type", "application/json")
                .containsEntry("User-Agent", "Ganaka-Webhooks/1");
        JsonNode envelope = Json.MAPPER.readTree(delivery.body());
        assertThat(envelope.get("id").asText()).isEqualTo(result.get("eventId").asText());
        assertThat(envelope.get("type").asText()).isEqualTo("webhook.test");
        assertThat(envelope.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(envelope.get("userId").asText()).isEqualTo(ada.id());
        assertThat(envelope.get("correlationId").asText())
                .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(envelope.get("data").get("webhookId").asText()).isEqualTo(id);
        assertThat(running.count("SELECT count(*) FROM webhook_deliveries WHERE user_id = ?::uuid"
                + " AND outcome = 'sent' AND status_code = 204", ada.id())).isEqualTo(1);
    }

    @Test
    void aTargetThatIsDownOrFailingIsAClearResultNotAServerError() throws Exception {
        User ada = running.signedInUser();
        String down = create(ada, "http://127.0.0.1:" + closedPort() + "/hooks/down", List.of("expense.added"))
                .get("id").asText();
        String broken = create(ada, "/broken").get("id").asText();
        String gone = create(ada, "/gone").get("id").asText();

        JsonNode refused = test(ada, down);
        JsonNode failing = test(ada, broken);
        JsonNode missing = test(ada, gone);

        assertThat(refused.get("delivered").asBoolean()).isFalse();
        assertThat(refused.get("outcome").asText()).isEqualTo("retry");
        assertThat(refused.get("statusCode").isNull()).isTrue();
        assertThat(refused.get("error").asText()).isEqualTo("could not connect (connection refused)");
        assertThat(failing.get("outcome").asText()).isEqualTo("retry");
        assertThat(failing.get("statusCode").asInt()).isEqualTo(500);
        assertThat(missing.get("outcome").asText()).isEqualTo("failed");
        assertThat(missing.get("statusCode").asInt()).isEqualTo(410);
        assertThat(missing.get("error").asText()).isEqualTo("the target answered 410");
        assertThat(running.count("SELECT count(*) FROM webhook_deliveries WHERE user_id = ?::uuid", ada.id()))
                .isEqualTo(3);
    }

    @Test
    void aTargetThePolicyRefusesIsAFailedResultAtDeliveryTime() throws Exception {
        User ada = running.signedInUser();
        // Stored while private targets were allowed; the environment's own server allows public targets only.
        String id = create(ada, "/private").get("id").asText();

        HttpResponse<String> response = running.client.postJson("/webhooks/" + id + "/test", "", ada.token());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = ApiClient.json(response);
        assertThat(result.get("outcome").asText()).isEqualTo("failed");
        assertThat(result.get("error").asText())
                .contains("must not point at a loopback, private, link-local or multicast address");
        assertThat(received).isEmpty();
    }

    @Test
    void rotatingTheSecretShowsANewOneOnceAndSignsWithItFromThenOn() throws Exception {
        User ada = running.signedInUser();
        JsonNode webhook = create(ada, "/rotated");
        String id = webhook.get("id").asText();
        String oldSecret = webhook.get("secret").asText();

        HttpResponse<String> rotated = api.postJson("/webhooks/" + id + "/rotate-secret", "", ada.token());

        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        String newSecret = ApiClient.json(rotated).get("secret").asText();
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
        assertThat(ApiClient.json(rotated).get("id").asText()).isEqualTo(id);
        assertThat(api.get("/webhooks/" + id, ada.token()).body()).doesNotContain(newSecret);
        test(ada, id);
        Received delivery = received.poll();
        assertThat(delivery).isNotNull();
        String signature = delivery.headers().get("Ganaka-Signature");
        assertThat(WebhookSignature.verify(newSecret, signature, delivery.body(), Instant.now(),
                WebhookSignature.DEFAULT_TOLERANCE)).isEqualTo(Verdict.VALID);
        assertThat(WebhookSignature.verify(oldSecret, signature, delivery.body(), Instant.now(),
                WebhookSignature.DEFAULT_TOLERANCE)).isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void theDeliveryHistoryKeepsOnlyTheNewestAttempts() throws Exception {
        User ada = running.signedInUser();
        String id = create(ada, "/history").get("id").asText();
        String first = test(ada, id).get("deliveryId").asText();

        String last = null;
        for (int i = 0; i < 50; i++) {
            last = test(ada, id).get("deliveryId").asText();
        }

        assertThat(running.count("SELECT count(*) FROM webhook_deliveries WHERE user_id = ?::uuid", ada.id()))
                .isEqualTo(50);
        assertThat(running.count("SELECT count(*) FROM webhook_deliveries WHERE user_id = ?::uuid AND delivery_id = '"
                + first + "'", ada.id())).isZero();
        assertThat(running.count("SELECT count(*) FROM webhook_deliveries WHERE user_id = ?::uuid AND delivery_id = '"
                + last + "'", ada.id())).isEqualTo(1);
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private static JsonNode create(User user, String path) throws Exception {
        return create(user, receiverUrl(path), List.of("expense.added"));
    }

    private static JsonNode create(User user, String url, List<String> types) throws Exception {
        HttpResponse<String> created = api.postJson("/webhooks", "{\"url\":\"" + url + "\",\"eventTypes\":"
                + Json.MAPPER.writeValueAsString(types) + "}", user.token());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ApiClient.json(created);
    }

    private static JsonNode test(User user, String id) throws Exception {
        HttpResponse<String> response = api.postJson("/webhooks/" + id + "/test", "", user.token());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ApiClient.json(response);
    }

    private static String body(String path) {
        return "{\"url\":\"" + receiverUrl(path) + "\",\"eventTypes\":[\"expense.added\"]}";
    }

    private static String receiverUrl(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks" + path;
    }

    /** A loopback port nothing listens on: bound, then released. */
    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
