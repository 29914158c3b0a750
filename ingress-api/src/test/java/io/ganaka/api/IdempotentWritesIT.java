package io.ganaka.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.api.RunningApi.User;
import io.ganaka.api.http.Idempotency;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code Idempotency-Key} on the synchronous POST routes (categories, rules, applying rules): a retried request gets
 * the first answer, and neither a second row nor a second event comes of it.
 */
class IdempotentWritesIT {

    private static final String RULE = "{\"name\":\"Tea time\",\"priority\":5,\"conditions\":[{\"field\":"
            + "\"description\",\"operator\":\"contains\",\"value\":\"tea\"}],\"actions\":{\"tags\":[\"tea\"]}}";

    private static RunningApi running;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        running = new RunningApi(ApiOptions.sharedEnvironment().namingSuffix("-idem-writes"));
        api = running.client;
    }

    @AfterAll
    static void stop() throws Exception {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void everySynchronousPostAnswersARetryWithItsFirstAnswerAndWritesOnce() throws Exception {
        User user = running.signedInUser();
        for (List<String> route : List.of(
                List.of("/categories", "{\"name\":\"Books\"}", "201"),
                List.of("/rules", RULE, "201"),
                List.of("/rules/apply", "{}", "202"))) {
            String path = route.get(0);
            String key = UUID.randomUUID().toString();
            long before = running.storedEvents();

            HttpResponse<String> first = post(user, path, key, route.get(1));
            long afterFirst = running.storedEvents();
            HttpResponse<String> retry = post(user, path, key, route.get(1));

            assertThat(first.statusCode()).as(path + ": " + first.body()).isEqualTo(Integer.parseInt(route.get(2)));
            assertThat(retry.statusCode()).as(path).isEqualTo(first.statusCode());
            assertThat(retry.body()).as(path).isEqualTo(first.body());
            assertThat(retry.headers().firstValue("Location")).as(path).isEqualTo(first.headers().firstValue("Location"));
            assertThat(retry.headers().firstValue(Idempotency.REPLAYED)).as(path).contains("true");
            assertThat(running.storedEvents()).as(path + ": nothing published by the retry").isEqualTo(afterFirst);
            assertThat(afterFirst - before).as(path + ": events of the first request")
                    .isEqualTo(path.equals("/rules/apply") ? 0 : 1);
        }
        assertThat(ApiClient.json(api.get("/rules", user.token())).get("items")).hasSize(1);
        assertThat(ApiClient.json(api.get("/categories", user.token())).get("items"))
                .filteredOn(c -> c.get("name").asText().equals("Books")).hasSize(1);
    }

    private static HttpResponse<String> post(User user, String path, String key, String body) throws Exception {
        return api.send(api.request(path, user.token())
                .header("Content-Type", "application/json")
                .header(Idempotency.HEADER, key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
