package io.ganaka.api;

import static io.ganaka.api.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ganaka.api.RunningApi.User;
import io.ganaka.api.events.EventPublisher;
import io.ganaka.api.events.PublishReceipt;
import io.ganaka.api.events.PublishUnavailableException;
import io.ganaka.api.expenses.RedisVersionReservations;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload.ExpenseDeleted;
import io.ganaka.schemas.EventPayload.ExpenseUpdated;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code PUT} and {@code DELETE /expenses/{id}} over HTTP against a seeded projection, with the published events read
 * back from JetStream: the versions they carry, If-Match in all its forms, and the Redis reservation that lets only
 * one of two changes against the same version through.
 */
class ExpenseChangesIT {

    private static final String LATTE = "{\"amount\":\"4.20\",\"currency\":\"EUR\",\"description\":\"Latte\","
            + "\"merchant\":\"Nero\",\"occurredAt\":\"2026-04-02T09:00:00Z\",\"tags\":[\"coffee\"],\"notes\":\"oat\"}";

    @AutoClose
    private static RunningApi running;
    private static ApiClient api;
    private static StoredEvents events;

    @BeforeAll
    static void start() throws Exception {
        running = new RunningApi(ApiOptions.sharedEnvironment().namingSuffix("-changes"));
        api = running.client;
        events = new StoredEvents(running);
    }

    // ---- PUT -------------------------------------------------------------------------------------------------------

    @Test
    void replacingWithTheCurrentETagPublishesTheWholeNewContentAtTheNextVersion() throws Exception {
        User user = running.signedInUser();
        ExpenseRows rows = new ExpenseRows(running.db, user.id());
        UUID category = rows.category("Coffee");
        UUID id = rows.at("2026-03-15T12:00:00Z").version(3).insert();
        String etag = api.get("/expenses/" + id, user.token()).headers().firstValue("ETag").orElseThrow();
        long mark = events.mark();

        HttpResponse<String> response = api.send(put(id, user, etag, LATTE.replace("}",
                ",\"categoryId\":\"" + category + "\"}")).header("X-Request-Id", "put-" + id).build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode body = ApiClient.json(response);
        assertThat(body.get("id").asText()).isEqualTo(id.toString());
        assertThat(body.get("version").asLong()).isEqualTo(4);
        assertThat(response.headers().firstValue("ETag")).contains("\"4\"");
        assertThat(response.headers().firstValue("Location")).contains("/expenses/" + id);
        Event event = events.single(mark);
        assertThat(event.id()).isEqualTo(body.get("eventId").asText());
        assertThat(event.type()).isEqualTo("expense.updated");
        assertThat(event.userId()).isEqualTo(user.id());
        assertThat(event.correlationId()).isEqualTo("put-" + id);
        assertThat(event.data()).isEqualTo(new ExpenseUpdated(id.toString(), 4, new BigDecimal("4.20"), "EUR", "Latte",
                "Nero", Instant.parse("2026-04-02T09:00:00Z"), category.toString(), List.of("coffee"), "oat"));
        // Version 4 is claimed in Redis under the run's prefix, with a TTL, so a crash can never leave it claimed.
        long ttl = running.redis.pttl(running.naming.redisPrefix() + "expense-version:" + user.id() + ":" + id + ":4");
        assertThat(ttl).isBetween(1L, RedisVersionReservations.TTL.toMillis());
    }

    @Test
    void ifMatchStarListsAndWeakTagsAreReadAsRfc9110Says() throws Exception {
        User user = running.signedInUser();
        ExpenseRows rows = new ExpenseRows(running.db, user.id());

        assertThat(putStatus(user, rows.at("2026-03-01T00:00:00Z").version(2).insert(), "*")).isEqualTo(202);
        assertThat(putStatus(user, rows.at("2026-03-01T00:00:00Z").version(2).insert(), "\"1\", \"2\"")).isEqualTo(202);
        // If-Match compares strongly: a weak tag never matches, even the current version's.
        assertThat(putStatus(user, rows.at("2026-03-01T00:00:00Z").version(2).insert(), "W/\"2\"")).isEqualTo(412);
        assertThat(putStatus(user, rows.at("2026-03-01T00:00:00Z").version(2).insert(), "\"abc\"")).isEqualTo(412);
    }

    @Test
    void replacingWithoutIfMatchAnswers428AndPublishesNothing() throws Exception {
        User user = running.signedInUser();
        UUID id = new ExpenseRows(running.db, user.id()).at("2026-03-15T12:00:00Z").insert();
        long mark = events.mark();

        HttpResponse<String> response = api.send(put(id, user, null, LATTE).build());

        assertProblem(response, 428, "precondition-required");
        assertThat(events.since(mark)).isEmpty();
    }

    @Test
    void replacingAnOlderVersionAnswers412WithTheCurrentETagAndPublishesNothing() throws Exception {
        User user = running.signedInUser();
        UUID id = new ExpenseRows(running.db, user.id()).at("2026-03-15T12:00:00Z").version(5).insert();
        long mark = events.mark();

        HttpResponse<String> response = api.send(put(id, user, "\"4\"", LATTE).build());

        assertProblem(response, 412, "precondition-failed");
        assertThat(response.headers().firstValue("ETag")).contains("\"5\"");
        assertThat(events.since(mark)).isEmpty();
    }

    @Test
    void aMalformedIfMatchAnswers400NamingTheHeader() throws Exception {
        User user = running.signedInUser();
        UUID id = new ExpenseRows(running.db, user.id()).at("2026-03-15T12:00:00Z").insert();

        for (String bad : List.of("1", "\"1", "\"1\" \"2\"")) {
            HttpResponse<String> put = api.send(put(id, user, bad, LATTE).build());
            HttpResponse<String> delete = api.send(delete(id, user, bad).build());

            assertProblem(put, 400, "validation");
            assertThat(ApiClient.json(put).get("errors").findValuesAsText("field")).containsExactly("If-Match");
            assertProblem(delete, 400, "validation");
        }
    }

    @Test
    void theReplacementIsValidatedLikeANewExpense() throws Exception {
        User user = running.signedInUser();
        UUID id = new ExpenseRows(running.db, user.id()).at("2026-03-15T12:00:00Z").insert();
        long mark = events.mark();

        HttpResponse<String> invalid = api.send(put(id, user, "\"1\"",
                "{\"amount\":\"-1\",\"currency\":\"EURO\",\"occurredAt\":\"soon\"}").build());
        HttpResponse<String> serverField = api.send(put(id, user, "\"1\"",
                LATTE.replace("}", ",\"version\":7}")).build());
        HttpResponse<String> notJson = api.send(put(id, user, "\"1\"", "{\"amount\":").build());

        assertProblem(invalid, 400, "validation");
        assertThat(ApiClient.json(invalid).get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("amount", "currency", "description", "occurredAt");
        assertProblem(serverField, 400, "validation");
        assertThat(ApiClient.json(serverField).get("errors").findValuesAsText("field")).containsExactly("version");
        assertProblem(notJson, 400, "malformed-request");
        assertThat(events.since(mark)).isEmpty();
    }

    @Test
    void aCategoryOfAnotherUserAnswers422() throws Exception {
        User user = running.signedInUser();
        UUID id = new ExpenseRows(running.db, user.id()).at("2026-03-15T12:00:00Z").insert();
        UUID foreign = new ExpenseRows(running.db, running.signedInUser().id()).category("Theirs");
        long mark = events.mark();

        HttpResponse<String> response = api.send(put(id, user, "\"1\"",
                LATTE.replace("}", ",\"categoryId\":\"" + foreign + "\"}")).build());

        assertProblem(response, 422, "unprocessable");
        assertThat(ApiClient.json(response).get("errors").findValuesAsText("field")).containsExactly("categoryId");
        assertThat(events.since(mark)).isEmpty();
    }

    @Test
    void unknownForeignDeletedAndMalformedIdsAnswer404AndPublishNothing() throws Exception {
        User user = running.signedInUser();
        User owner = running.signedInUser();
        ExpenseRows ownerRows = new ExpenseRows(running.db, owner.id());
        UUID theirs = ownerRows.at("2026-03-15T12:00:00Z").insert();
        UUID deleted = new ExpenseRows(running.db, user.id()).at("2026-03-15T12:00:00Z").version(2).asTombstone()
                .insert();
        long mark = events.mark();

        for (String id : List.of(theirs.toString(), UUID.randomUUID().toString(), deleted.toString(), "nope")) {
            assertProblem(api.send(put(id, user, "*", LATTE).build()), 404, "not-found");
            assertProblem(api.send(delete(id, user, null).build()), 404, "not-found");
            assertProblem(api.send(delete(id, user, "\"1\"").build()), 404, "not-found");
        }
        assertThat(events.since(mark)).isEmpty();
        assertThat(api.get("/expenses/" + theirs, owner.token()).statusCode()).isEqualTo(200);
    }

    @Test
    void twoConcurrentReplacementsOfTheSameVersionNeverBothSucceed() throws Exception {
        User user = running.signedInUser();
        ExpenseRows rows = new ExpenseRows(running.db, user.id());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                UUID id = rows.at("2026-03-15T12:00:00Z").version(7).insert();
                long mark = events.mark();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> replies = List.of(
                        pool.submit(() -> {
                            start.await();
                            return api.send(put(id, user, "\"7\"", LATTE).build());
                        }),
                        pool.submit(() -> {
                            start.await();
                            return api.send(put(id, user, "\"7\"", LATTE.replace("4.20", "5.10")).build());
                        }));
                start.countDown();

                List<Integer> statuses = List.of(replies.get(0).get().statusCode(), replies.get(1).get().statusCode());
                assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(202, 412);
                Event event = events.single(mark);
                assertThat(((ExpenseUpdated) event.data()).expenseVersion()).isEqualTo(8);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onceAChangeOfAVersionIsAcceptedAnotherChangeOfThatVersionIsRefusedBeforeTheProjectionCatchesUp()
            throws Exception {
        User user = running.signedInUser();
        UUID id = new ExpenseRows(running.db, user.id()).at("2026-03-15T12:00:00Z").version(2).insert();
        assertThat(api.send(put(id, user, "\"2\"", LATTE).build()).statusCode()).isEqualTo(202);
        long mark = events.mark();

        HttpResponse<String> secondPut = api.send(put(id, user, "\"2\"", LATTE).build());
        HttpResponse<String> starPut = api.send(put(id, user, "*", LATTE).build());
        HttpResponse<String> conditionalDelete = api.send(delete(id, user, "\"2\"").build());
        HttpResponse<String> unconditionalDelete = api.send(delete(id, user, null).build());

        assertProblem(secondPut, 412, "precondition-failed");
        assertProblem(starPut, 412, "precondition-failed");
        assertProblem(conditionalDelete, 412, "precondition-failed");
        // No condition was sent, so none failed: the change is refused as a conflict with the one in progress.
        assertProblem(unconditionalDelete, 409, "expense-change-in-progress");
        assertThat(events.since(mark)).isEmpty();
    }

    @Test
    void aChangeThatCouldNotBePublishedLeavesItsVersionFreeForTheRetry() throws Exception {
        User user = running.signedInUser();
        UUID id = new ExpenseRows(running.db, user.id()).at("2026-03-15T12:00:00Z").insert();
        EventPublisher down = new EventPublisher() {
            @Override
            public CompletableFuture<PublishReceipt> publish(Event event) {
                return CompletableFuture.failedFuture(new PublishUnavailableException("NATS is down (test)"));
            }

            @Override
            public boolean isConnected() {
                return false;
            }
        };
        try (ApiServer broken = running.startServer(running.naming, down, TestLimits.GENEROUS)) {
            ApiClient brokenApi = new ApiClient(broken.port());
            HttpResponse<String> failed = brokenApi.send(put(brokenApi, id, user, "\"1\"", LATTE).build());

            assertProblem(failed, 503, "service-unavailable");
            assertThat(failed.headers().firstValue("Retry-After")).isPresent();
        }

        assertThat(api.send(put(id, user, "\"1\"", LATTE).build()).statusCode()).isEqualTo(202);
    }

    // ---- DELETE ----------------------------------------------------------------------------------------------------

    @Test
    void deletingPublishesExpenseDeletedAtTheNextVersionWithOrWithoutIfMatch() throws Exception {
        User user = running.signedInUser();
        ExpenseRows rows = new ExpenseRows(running.db, user.id());
        UUID plain = rows.at("2026-03-15T12:00:00Z").version(3).insert();
        UUID conditional = rows.at("2026-03-16T12:00:00Z").version(6).insert();

        long mark = events.mark();
        HttpResponse<String> response = api.send(delete(plain, user, null).build());
        Event event = events.single(mark);
        long conditionalMark = events.mark();
        HttpResponse<String> matching = api.send(delete(conditional, user, "\"6\"").build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(ApiClient.json(response).get("version").asLong()).isEqualTo(4);
        assertThat(response.headers().firstValue("ETag")).contains("\"4\"");
        assertThat(event.id()).isEqualTo(ApiClient.json(response).get("eventId").asText());
        assertThat(event.userId()).isEqualTo(user.id());
        assertThat(event.data()).isEqualTo(new ExpenseDeleted(plain.toString(), 4));
        assertThat(matching.statusCode()).isEqualTo(202);
        assertThat(events.single(conditionalMark).data()).isEqualTo(new ExpenseDeleted(conditional.toString(), 7));
    }

    @Test
    void deletingWithAStaleIfMatchAnswers412AndPublishesNothing() throws Exception {
        User user = running.signedInUser();
        UUID id = new ExpenseRows(running.db, user.id()).at("2026-03-15T12:00:00Z").version(2).insert();
        long mark = events.mark();

        HttpResponse<String> response = api.send(delete(id, user, "\"1\"").build());

        assertProblem(response, 412, "precondition-failed");
        assertThat(response.headers().firstValue("ETag")).contains("\"2\"");
        assertThat(events.since(mark)).isEmpty();
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static int putStatus(User user, UUID id, String ifMatch) throws Exception {
        return api.send(put(id, user, ifMatch, LATTE).build()).statusCode();
    }

    private static HttpRequest.Builder put(Object id, User user, String ifMatch, String json) {
        return put(api, id, user, ifMatch, json);
    }

    private static HttpRequest.Builder put(ApiClient client, Object id, User user, String ifMatch, String json) {
        HttpRequest.Builder builder = client.request("/expenses/" + id, user.token())
                .header("Content-Type", "application/json").PUT(BodyPublishers.ofString(json));
        return ifMatch == null ? builder : builder.header("If-Match", ifMatch);
    }

    private static HttpRequest.Builder delete(Object id, User user, String ifMatch) {
        HttpRequest.Builder builder = api.request("/expenses/" + id, user.token()).DELETE();
        return ifMatch == null ? builder : builder.header("If-Match", ifMatch);
    }
}
