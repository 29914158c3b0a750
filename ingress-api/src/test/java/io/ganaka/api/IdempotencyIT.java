package io.ganaka.api;

import static io.ganaka.api.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.api.RunningApi.User;
import io.ganaka.api.events.JetStreamPublisher;
import io.ganaka.api.http.Idempotency;
import io.ganaka.api.http.RedisIdempotencyStore;
import io.ganaka.testkit.FreePorts;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/** {@code Idempotency-Key} on {@code POST /expenses} against real Redis and JetStream: one key, one event. */
class IdempotencyIT {

    private static final String TEA = "{\"amount\":\"1.00\",\"currency\":\"EUR\",\"description\":\"Tea\","
            + "\"occurredAt\":\"2026-03-15T12:00:00Z\"}";
    private static final String COFFEE = "{\"amount\":\"2.50\",\"currency\":\"EUR\",\"description\":\"Coffee\","
            + "\"occurredAt\":\"2026-03-15T12:00:00Z\"}";

    @AutoClose
    private static RunningApi running;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        running = new RunningApi(ApiOptions.sharedEnvironment().namingSuffix("-idem"));
        api = running.client;
    }

    private static HttpResponse<String> post(ApiClient client, User user, String key, String body) throws Exception {
        return client.send(client.request("/expenses", user.token())
                .header("Content-Type", "application/json")
                .header(Idempotency.HEADER, key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void aRepeatedRequestGetsTheFirstAnswerAndPublishesNothingMore() throws Exception {
        User user = running.signedInUser();
        String key = UUID.randomUUID().toString();
        long before = running.storedEvents();

        HttpResponse<String> first = post(api, user, key, TEA);
        HttpResponse<String> again = post(api, user, key, TEA);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(again.headers().firstValue(Idempotency.REPLAYED)).contains("true");
        assertThat(first.headers().firstValue(Idempotency.REPLAYED)).isEmpty();
        assertThat(running.storedEvents() - before).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAChangedBodyAnswers422AndPublishesNothing() throws Exception {
        User user = running.signedInUser();
        String key = UUID.randomUUID().toString();
        assertThat(post(api, user, key, TEA).statusCode()).isEqualTo(202);
        long before = running.storedEvents();

        HttpResponse<String> changed = post(api, user, key, COFFEE);

        assertProblem(changed, 422, "unprocessable");
        assertThat(changed.body()).contains(Idempotency.HEADER);
        assertThat(running.storedEvents()).isEqualTo(before);
    }

    @Test
    void manyParallelIdenticalRequestsPublishExactlyOneEvent() throws Exception {
        User user = running.signedInUser();
        String key = UUID.randomUUID().toString();
        long before = running.storedEvents();
        List<Callable<HttpResponse<String>>> requests = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            requests.add(() -> post(api, user, key, TEA));
        }

        List<HttpResponse<String>> responses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (Future<HttpResponse<String>> response : pool.invokeAll(requests)) {
                responses.add(response.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(running.storedEvents() - before).isEqualTo(1);
        assertThat(responses).extracting(HttpResponse::statusCode).allMatch(s -> s == 202 || s == 409).contains(202);
        assertThat(responses.stream().filter(r -> r.statusCode() == 202).map(r -> r.headers().firstValue("Location"))
                .distinct()).hasSize(1);
        for (HttpResponse<String> busy : responses.stream().filter(r -> r.statusCode() == 409).toList()) {
            assertProblem(busy, 409, "idempotency-key-in-use");
        }
    }

    @Test
    void theSameKeyOfTwoUsersNamesTwoIndependentRequests() throws Exception {
        User ada = running.signedInUser();
        User bob = running.signedInUser();
        String key = UUID.randomUUID().toString();
        long before = running.storedEvents();

        HttpResponse<String> fromAda = post(api, ada, key, TEA);
        HttpResponse<String> fromBob = post(api, bob, key, TEA);

        assertThat(fromAda.statusCode()).isEqualTo(202);
        assertThat(fromBob.statusCode()).isEqualTo(202);
        assertThat(fromBob.headers().firstValue(Idempotency.REPLAYED)).isEmpty();
        assertThat(fromBob.headers().firstValue("Location")).isNotEqualTo(fromAda.headers().firstValue("Location"));
        assertThat(running.storedEvents() - before).isEqualTo(2);
    }

    @Test
    void aMalformedKeyAnswers400AndPublishesNothing() throws Exception {
        User user = running.signedInUser();
        long before = running.storedEvents();

        assertProblem(post(api, user, "k".repeat(256), TEA), 400, "malformed-request");
        assertProblem(post(api, user, "", TEA), 400, "malformed-request");
        assertThat(running.storedEvents()).isEqualTo(before);
    }

    @Test
    void aFailedRequestLeavesTheKeyFreeForTheCorrectedRetry() throws Exception {
        User user = running.signedInUser();
        String key = UUID.randomUUID().toString();
        String invalid = TEA.replace("\"1.00\"", "\"-1\"");

        assertProblem(post(api, user, key, invalid), 400, "validation");
        HttpResponse<String> retried = post(api, user, key, invalid);
        assertProblem(retried, 400, "validation");
        assertThat(post(api, user, key, TEA).statusCode()).isEqualTo(202);
    }

    @Test
    void withTheIdempotencyStoreDownAKeyedWriteAnswers503AndPublishesNothing() throws Exception {
        User user = running.signedInUser();
        // Sessions stay on the working Redis, so only the idempotency store is missing.
        try (UnifiedJedis nowhere = RedisClient.create(URI.create("redis://127.0.0.1:" + FreePorts.next()));
             ApiServer server = ApiServer.start(running.dependencies(running.naming,
                             new JetStreamPublisher(running.nats, running.naming, 64, Duration.ofSeconds(5)))
                     .withLimits(TestLimits.GENEROUS)
                     .withIdempotency(new RedisIdempotencyStore(nowhere, running.naming)))) {
            long before = running.storedEvents();

            HttpResponse<String> response = post(new ApiClient(server.port()), user, UUID.randomUUID().toString(), TEA);

            assertProblem(response, 503, "service-unavailable");
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            assertThat(running.storedEvents()).isEqualTo(before);
        }
    }
}
