package io.ganaka.api;

import static io.ganaka.api.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ganaka.api.events.JetStreamPublisher;
import io.ganaka.api.imports.ImportIds;
import io.ganaka.api.imports.ImportSettings;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventCodec;
import io.ganaka.schemas.EventPayload.ExpenseAdded;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.MessageInfo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bulk imports over real HTTP against Postgres and JetStream: raw and multipart uploads, progress and counters, the
 * outcome of every row, the import route's own size limits, and that nobody sees another user's import.
 */
class ImportsIT {

    private static final Duration DONE = Duration.ofSeconds(30);
    private static final long UPLOAD_LIMIT = 64 * 1024;
    private static final ImportSettings SETTINGS = ImportSettings.DEFAULTS.withMaxUploadBytes(UPLOAD_LIMIT)
            .withMaxRows(50).withBatchSize(4).withMaxInFlight(8);
    private static final String HEADER = "date,amount,currency,description,merchant,category,tags,notes\n";

    private static RunningApi running;
    private static ApiServer server;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        running = new RunningApi(ApiOptions.sharedEnvironment().namingSuffix("-imports"));
        server = ApiServer.start(running.dependencies(running.naming,
                        new JetStreamPublisher(running.nats, running.naming, 64, Duration.ofSeconds(5)))
                .withLimits(TestLimits.GENEROUS).withImports(SETTINGS));
        api = new ApiClient(server.port());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (running != null) {
            running.close();
        }
    }

    // ---- uploads -------------------------------------------------------------------------------------------------

    @Test
    void aRawCsvUploadIsAcceptedAtOnceAndEveryRowBecomesAnExpenseAddedEvent() throws Exception {
        RunningApi.User user = running.signedInUser();

        HttpResponse<String> response = api.send(api.request("/imports", user.token())
                .header("Content-Type", "text/csv").header("X-Request-Id", "import-raw-" + running.naming.prefix())
                .POST(BodyPublishers.ofString(HEADER
                        + "2026-03-15T08:30:00Z,12.34,EUR,Espresso,Nero,,coffee;morning,double\n"
                        + "2026-03-16,7.5,USD,Lunch,,,,\n"
                        + "2026-04-01,100,JPY,Sushi,,,,\n")).build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode accepted = ApiClient.json(response);
        String id = accepted.get("id").asText();
        assertThat(accepted.get("status").asText()).isEqualTo("queued");
        assertThat(response.headers().firstValue("Location")).contains("/imports/" + id);

        JsonNode done = awaitFinished(user, id);
        assertThat(done.get("status").asText()).isEqualTo("completed");
        assertThat(done.get("format").asText()).isEqualTo("csv");
        assertThat(done.get("totalRows").asInt()).isEqualTo(3);
        assertThat(done.get("processedRows").asInt()).isEqualTo(3);
        assertThat(done.get("imported").asInt()).isEqualTo(3);
        assertThat(done.get("duplicates").asInt()).isZero();
        assertThat(done.get("rejected").asInt()).isZero();
        assertThat(done.get("finishedAt").isNull()).isFalse();

        List<Event> events = eventsOf(user.id());
        assertThat(events).hasSize(3);
        UUID importId = UUID.fromString(id);
        Event first = events.get(0);
        assertThat(first.id()).isEqualTo(ImportIds.eventId(importId, 1).toString());
        assertThat(first.type()).isEqualTo("expense.added");
        assertThat(first.correlationId()).isEqualTo("import-raw-" + running.naming.prefix());
        ExpenseAdded espresso = (ExpenseAdded) first.data();
        assertThat(espresso.expenseId()).isEqualTo(ImportIds.expenseId(importId, 1).toString());
        assertThat(espresso.expenseVersion()).isEqualTo(1);
        assertThat(espresso.amount()).isEqualByComparingTo("12.34");
        assertThat(espresso.currency()).isEqualTo("EUR");
        assertThat(espresso.description()).isEqualTo("Espresso");
        assertThat(espresso.merchant()).isEqualTo("Nero");
        assertThat(espresso.occurredAt()).isEqualTo(Instant.parse("2026-03-15T08:30:00Z"));
        assertThat(espresso.tags()).containsExactly("coffee", "morning");
        assertThat(espresso.notes()).isEqualTo("double");
        ExpenseAdded lunch = (ExpenseAdded) events.get(1).data();
        assertThat(lunch.amount()).isEqualTo(new BigDecimal("7.50"));
        assertThat(lunch.occurredAt()).isEqualTo(Instant.parse("2026-03-16T12:00:00Z"));
        assertThat(((ExpenseAdded) events.get(2).data()).amount()).isEqualTo(new BigDecimal("100"));
    }

    @Test
    void aMultipartUploadWithOptionsReadsAMappedGermanBankFile() throws Exception {
        RunningApi.User user = running.signedInUser();
        String csv = "Buchungstag;Verwendungszweck;Betrag\n15.03.2026;Bäckerei;-1.234,56\n16.03.2026;Gehalt;"
                + "2.500,00\n";
        String options = "{\"columns\":{\"date\":\"Buchungstag\",\"amount\":\"Betrag\",\"description\":"
                + "\"Verwendungszweck\"},\"dateFormat\":\"dd.MM.yyyy\",\"decimalSeparator\":\",\","
                + "\"defaultCurrency\":\"EUR\",\"amountSign\":\"bank\"}";

        HttpResponse<String> response = api.send(multipart(user.token(), "umsaetze.csv", "text/csv", csv, options));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String id = ApiClient.json(response).get("id").asText();
        JsonNode done = awaitFinished(user, id);
        assertThat(done.get("status").asText()).isEqualTo("completed");
        assertThat(done.get("fileName").asText()).isEqualTo("umsaetze.csv");
        assertThat(done.get("imported").asInt()).isEqualTo(1);
        assertThat(done.get("rejected").asInt()).isEqualTo(1);
        ExpenseAdded bakery = (ExpenseAdded) eventsOf(user.id()).get(0).data();
        assertThat(bakery.amount()).isEqualTo(new BigDecimal("1234.56"));
        assertThat(bakery.description()).isEqualTo("Bäckerei");
        JsonNode rejected = ApiClient.json(api.get("/imports/" + id + "/rows?outcome=rejected", user.token()));
        assertThat(rejected.get("items").get(0).get("row").asInt()).isEqualTo(2);
        assertThat(rejected.get("items").get(0).get("reason").asText()).isEqualTo("not an expense (credit)");
    }

    @Test
    void ofxAndQifFilesAreRecognisedByTheirContent() throws Exception {
        RunningApi.User user = running.signedInUser();
        String ofx = "OFXHEADER:100\nDATA:OFXSGML\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>GBP<BANKTRANLIST>"
                + "<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20260310<TRNAMT>-3.20<FITID>1<NAME>Tube</STMTTRN>"
                + "<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20260310<TRNAMT>-3.20<FITID>1<NAME>Tube</STMTTRN>"
                + "</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>";
        String qif = "!Type:CCard\nD3/11'26\nT-9.99\nPBooks\n^\n";

        String ofxId = upload(user, "application/octet-stream", ofx, "");
        String qifId = upload(user, "text/plain", qif, "?defaultCurrency=GBP");

        JsonNode ofxDone = awaitFinished(user, ofxId);
        assertThat(ofxDone.get("format").asText()).isEqualTo("ofx");
        assertThat(ofxDone.get("imported").asInt()).isEqualTo(1);
        assertThat(ofxDone.get("duplicates").asInt()).isEqualTo(1);
        JsonNode qifDone = awaitFinished(user, qifId);
        assertThat(qifDone.get("format").asText()).isEqualTo("qif");
        assertThat(qifDone.get("imported").asInt()).isEqualTo(1);
        assertThat(eventsOf(user.id())).extracting(e -> ((ExpenseAdded) e.data()).currency())
                .containsExactlyInAnyOrder("GBP", "GBP");
    }

    // ---- row outcomes --------------------------------------------------------------------------------------------

    @Test
    void everyRowIsImportedDuplicateOrRejectedWithItsReasonAndThePagesShowThem() throws Exception {
        RunningApi.User user = running.signedInUser();
        UUID existing = seedExpense(user, "42.00", "Rent", OffsetDateTime.of(2026, 3, 1, 23, 59, 0, 0, ZoneOffset.UTC));
        UUID groceries = seedCategory(user, "Groceries");
        String id = upload(user, "text/csv", HEADER
                + "2026-03-01T08:00:00Z,42,EUR,RENT,,,,\n"          // 1 duplicate of the existing expense
                + "2026-03-02,5.00,EUR,Bread,,groceries,,\n"        // 2 imported, category matched by name
                + "2026-03-02T18:00:00Z,5,EUR,bread,,,,\n"          // 3 duplicate of row 2
                + "2026-03-03,-1.00,EUR,Refund,,,,\n"               // 4 rejected: not positive
                + "2026-03-03,1.00,EURO,Pen,,,,\n"                  // 5 rejected: no currency code
                + "2026-03-04,2.00,EUR,Stamps,,Post office,,\n"     // 6 imported without category, warned
                + "2026-03-05,1.001,EUR,Gum,,,,\n", "");            // 7 rejected: too many decimals

        JsonNode done = awaitFinished(user, id);
        assertThat(done.get("status").asText()).isEqualTo("completed");
        assertThat(done.get("imported").asInt()).isEqualTo(2);
        assertThat(done.get("duplicates").asInt()).isEqualTo(2);
        assertThat(done.get("rejected").asInt()).isEqualTo(3);
        assertThat(done.get("warnings").asInt()).isEqualTo(1);

        JsonNode all = ApiClient.json(api.get("/imports/" + id + "/rows", user.token()));
        assertThat(all.get("nextCursor").isNull()).isTrue();
        List<String> outcomes = new ArrayList<>();
        all.get("items").forEach(row -> outcomes.add(row.get("row").asInt() + " " + row.get("outcome").asText()));
        assertThat(outcomes).containsExactly("1 duplicate", "2 imported", "3 duplicate", "4 rejected", "5 rejected",
                "6 imported", "7 rejected");
        JsonNode items = all.get("items");
        assertThat(items.get(0).get("expenseId").asText()).isEqualTo(existing.toString());
        assertThat(items.get(0).get("reason").asText()).contains("existing").doesNotContain("null");
        assertThat(items.get(2).get("reason").asText()).isEqualTo("same date, amount and description as row 2");
        assertThat(items.get(3).get("reason").asText()).isEqualTo("amount must be greater than 0");
        assertThat(items.get(4).get("reason").asText()).isEqualTo("currency must be an ISO 4217 code such as EUR");
        assertThat(items.get(5).get("warning").asText()).contains("unknown category 'Post office'");
        assertThat(items.get(6).get("reason").asText()).isEqualTo("amount must have at most 2 decimals");
        List<Event> events = eventsOf(user.id());
        assertThat(events).hasSize(2);
        assertThat(((ExpenseAdded) events.get(0).data()).categoryId()).isEqualTo(groceries.toString());
        assertThat(((ExpenseAdded) events.get(1).data()).categoryId()).isNull();

        JsonNode firstPage = ApiClient.json(api.get("/imports/" + id + "/rows?outcome=rejected&limit=2",
                user.token()));
        assertThat(firstPage.get("items")).extracting(r -> r.get("row").asInt()).containsExactly(4, 5);
        JsonNode secondPage = ApiClient.json(api.get("/imports/" + id + "/rows?outcome=rejected&limit=2&cursor="
                + firstPage.get("nextCursor").asText(), user.token()));
        assertThat(secondPage.get("items")).extracting(r -> r.get("row").asInt()).containsExactly(7);
        assertThat(secondPage.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void theListShowsOnlyTheCallersImportsNewestFirstInPages() throws Exception {
        RunningApi.User user = running.signedInUser();
        RunningApi.User other = running.signedInUser();
        String first = upload(user, "text/csv", HEADER + "2026-01-01,1.00,EUR,A,,,,\n", "");
        awaitFinished(user, first);
        String second = upload(user, "text/csv", HEADER + "2026-01-02,1.00,EUR,B,,,,\n", "");
        awaitFinished(user, second);
        awaitFinished(other, upload(other, "text/csv", HEADER + "2026-01-03,1.00,EUR,C,,,,\n", ""));

        JsonNode page = ApiClient.json(api.get("/imports?limit=1", user.token()));
        assertThat(page.get("items")).extracting(i -> i.get("id").asText()).containsExactly(second);
        JsonNode next = ApiClient.json(api.get("/imports?limit=1&cursor=" + page.get("nextCursor").asText(),
                user.token()));
        assertThat(next.get("items")).extracting(i -> i.get("id").asText()).containsExactly(first);
        JsonNode all = ApiClient.json(api.get("/imports", user.token()));
        assertThat(all.get("items")).extracting(i -> i.get("id").asText()).containsExactly(second, first);
    }

    @Test
    void anotherUsersImportIsAnsweredLikeAnImportThatDoesNotExist() throws Exception {
        RunningApi.User owner = running.signedInUser();
        RunningApi.User stranger = running.signedInUser();
        String id = upload(owner, "text/csv", HEADER + "2026-01-01,9.99,EUR,Private thing,,,,\n", "");
        awaitFinished(owner, id);
        String nobody = UUID.randomUUID().toString();

        for (String path : List.of("/imports/%s", "/imports/%s/rows")) {
            HttpResponse<String> theirs = api.get(path.formatted(id), stranger.token());
            HttpResponse<String> none = api.get(path.formatted(nobody), stranger.token());
            assertProblem(theirs, 404, "not-found");
            assertProblem(none, 404, "not-found");
            assertThat(theirs.body()).doesNotContain("Private thing").doesNotContain("9.99");
        }
        assertProblem(api.get("/imports/not-a-uuid", stranger.token()), 404, "not-found");
        assertThat(ApiClient.json(api.get("/imports", stranger.token())).get("items")).isEmpty();
    }

    // ---- limits and failures -------------------------------------------------------------------------------------

    @Test
    void theImportRouteTakesFilesLargerThanTheApiBodyLimitButNotLargerThanItsOwn() throws Exception {
        RunningApi.User user = running.signedInUser();
        // The API under test caps other bodies at 16 KiB; imports at 64 KiB.
        String allowed = csvOfSize(40 * 1024);
        String tooLarge = csvOfSize(80 * 1024);

        HttpResponse<String> accepted = api.post("/imports", allowed, "text/csv", user.token());
        HttpResponse<String> refused = api.post("/imports", tooLarge, "text/csv", user.token());
        byte[] bytes = tooLarge.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> chunked = api.send(api.request("/imports", user.token())
                .header("Content-Type", "text/csv")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build());
        HttpResponse<String> multipart = api.send(multipart(user.token(), "big.csv", "text/csv", tooLarge, null));

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        awaitFinished(user, ApiClient.json(accepted).get("id").asText());
        for (HttpResponse<String> response : List.of(refused, chunked, multipart)) {
            assertProblem(response, 413, "payload-too-large");
            assertThat(ApiClient.json(response).get("detail").asText()).contains(Long.toString(UPLOAD_LIMIT));
        }
        assertThat(ApiClient.json(api.get("/imports", user.token())).get("items")).hasSize(1);
    }

    @Test
    void anUploadLargerThanTheApiBodyLimitWithAnIdempotencyKeyIsImportedOnceAndAnsweredAgainOnARetry()
            throws Exception {
        RunningApi.User user = running.signedInUser();
        // Over the API's 16 KiB body limit, within the import's 64 KiB and 50 rows.
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 40; i++) {
            csv.append("2026-02-01,1.00,EUR,Row ").append(i).append(' ').append("x".repeat(480)).append(",,,,\n");
        }
        String file = csv.toString();
        assertThat(file.length()).isGreaterThan(16 * 1024);

        HttpResponse<String> first = uploadWithKey(user, "import-once", file);
        HttpResponse<String> retry = uploadWithKey(user, "import-once", file);
        HttpResponse<String> otherFile = uploadWithKey(user, "import-once", file + "2026-02-02,2.00,EUR,Extra,,,,\n");
        HttpResponse<String> tooLarge = uploadWithKey(user, "import-too-large", csvOfSize(80 * 1024));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(202);
        assertThat(retry.headers().firstValue("Idempotency-Replayed")).contains("true");
        String id = ApiClient.json(first).get("id").asText();
        assertThat(ApiClient.json(retry).get("id").asText()).isEqualTo(id);
        JsonNode finished = awaitFinished(user, id);
        assertThat(finished.get("status").asText()).as(finished.toString()).isEqualTo("completed");
        assertThat(eventsOf(user.id())).hasSize(40);
        assertProblem(otherFile, 422);
        assertProblem(tooLarge, 413, "payload-too-large");
        assertThat(ApiClient.json(api.get("/imports", user.token())).get("items")).hasSize(1);
    }

    @Test
    void aFileWithMoreRowsThanAllowedFailsWithAClearReasonAndPublishesNothing() throws Exception {
        RunningApi.User user = running.signedInUser();
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 51; i++) {
            csv.append("2026-02-01,").append(i).append(".00,EUR,Row ").append(i).append(",,,,\n");
        }

        JsonNode done = awaitFinished(user, upload(user, "text/csv", csv.toString(), ""));

        assertThat(done.get("status").asText()).isEqualTo("failed");
        assertThat(done.get("failureReason").asText()).isEqualTo("the file has more than 50 rows; split it into"
                + " smaller files");
        assertThat(eventsOf(user.id())).isEmpty();
    }

    @Test
    void aMalformedFileFailsTheImportBeforeAnythingIsPublished() throws Exception {
        RunningApi.User user = running.signedInUser();

        JsonNode done = awaitFinished(user, upload(user, "text/csv", HEADER + "2026-02-01,1.00,EUR,Fine,,,,\n"
                + "2026-02-02,2.00,EUR,\"Unterminated,,,,\n", ""));

        assertThat(done.get("status").asText()).isEqualTo("failed");
        assertThat(done.get("failureReason").asText()).startsWith("the file is malformed: the CSV is malformed");
        assertThat(eventsOf(user.id())).isEmpty();
    }

    @Test
    void badUploadsAreProblemsThatNameWhatIsWrong() throws Exception {
        RunningApi.User user = running.signedInUser();
        String token = user.token();

        assertProblem(api.post("/imports", "{}", "application/json", token), 415, "unsupported-media-type");
        assertProblem(api.post("/imports", "", "text/csv", token), 400, "validation");
        assertFieldError(api.post("/imports", "when,amount,description\n", "text/csv", token), "file");
        assertFieldError(api.post("/imports?dateFormat=dd.MM.yyyy%7B", HEADER, "text/csv", token),
                "options.dateFormat");
        assertFieldError(api.post("/imports?colour=red", HEADER, "text/csv", token), "options.colour");
        assertFieldError(api.post("/imports?columns.date=Buchungstag", HEADER, "text/csv", token),
                "options.columns.date");
        assertFieldError(api.post("/imports", "!Type:Bank\nD1/1/26\nT-1\n^\n", "application/qif", token),
                "options.defaultCurrency");
        assertFieldError(api.post("/imports", "!Type:Invst\n", "application/qif", token), "file");
        assertFieldError(api.post("/imports", "no ofx here", "application/x-ofx", token), "file");
        assertFieldError(api.send(multipart(token, "a.csv", "text/csv", HEADER, "{\"format\":\"xls\"}")),
                "options.format");
        assertFieldError(api.send(multipart(token, "a.csv", "text/csv", HEADER, "{not json")), "options");
        assertFieldError(api.send(multipart(token, null, null, null, "{}")), "file");
        assertProblem(api.send(api.request("/imports", token)
                .header("Content-Type", "multipart/form-data; boundary=xyz")
                .POST(BodyPublishers.ofString("garbage without any boundary")).build()), 400);
        assertProblem(api.send(api.request("/imports", token).header("Content-Type", "multipart/form-data")
                .POST(BodyPublishers.ofString("--x\r\n")).build()), 400);
        assertFieldError(api.send(multipart(token, "a.csv", "text/csv", HEADER, "{\"x\":\"" + "y".repeat(20_000)
                + "\"}")), "options");

        String id = upload(user, "text/csv", HEADER, "");
        awaitFinished(user, id);
        assertFieldError(api.get("/imports/" + id + "/rows?outcome=lost", token), "outcome");
        assertFieldError(api.get("/imports/" + id + "/rows?limit=0", token), "limit");
        assertFieldError(api.get("/imports/" + id + "/rows?cursor=abc", token), "cursor");
        assertFieldError(api.get("/imports?cursor=abc", token), "cursor");
        assertThat(ApiClient.json(api.get("/imports", token)).get("items")).hasSize(1);
    }

    @Test
    void anImportLeftUnfinishedByAStoppedProcessIsMarkedFailedAtStartUp() throws Exception {
        RunningApi.User user = running.signedInUser();
        UUID abandoned = UUID.randomUUID();
        try (java.sql.Connection c = running.db.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO imports (user_id, id, status, format, worker_id,"
                     + " heartbeat_at, started_at) VALUES (?, ?, 'running', 'csv', ?, now() - interval '10 minutes',"
                     + " now() - interval '10 minutes')")) {
            s.setObject(1, UUID.fromString(user.id()));
            s.setObject(2, abandoned);
            s.setObject(3, UUID.randomUUID());
            s.executeUpdate();
        }

        try (ApiServer restarted = ApiServer.start(running.dependencies(running.naming,
                        new JetStreamPublisher(running.nats, running.naming, 8, Duration.ofSeconds(5)))
                .withLimits(TestLimits.GENEROUS).withImports(SETTINGS))) {
            JsonNode view = ApiClient.json(new ApiClient(restarted.port()).get("/imports/" + abandoned, user.token()));

            assertThat(view.get("status").asText()).isEqualTo("failed");
            assertThat(view.get("failureReason").asText()).startsWith("the import was interrupted");
        }
    }

    // ---- export --------------------------------------------------------------------------------------------------

    @Test
    void theExportStreamsTheCallersLiveExpensesAsCsvWithCategoryNames() throws Exception {
        RunningApi.User user = running.signedInUser();
        RunningApi.User other = running.signedInUser();
        UUID coffee = seedCategory(user, "Coffee");
        seedExpense(user, "3.50", "Flat white, \"large\"", OffsetDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZoneOffset.UTC),
                coffee, false);
        seedExpense(user, "10.00", "Older", OffsetDateTime.of(2026, 1, 2, 9, 0, 0, 0, ZoneOffset.UTC), null, false);
        seedExpense(user, "99.00", "Deleted", OffsetDateTime.of(2026, 2, 2, 9, 0, 0, 0, ZoneOffset.UTC), null, true);
        seedExpense(other, "77.00", "Not yours", OffsetDateTime.of(2026, 2, 2, 9, 0, 0, 0, ZoneOffset.UTC));

        HttpResponse<String> export = api.get("/expenses/export?format=csv", user.token());

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
        assertThat(export.headers().firstValue("Content-Disposition")).get().asString().startsWith("attachment");
        assertThat(export.body()).isEqualTo("date,amount,currency,description,merchant,category,tags,notes\r\n"
                + "2026-01-02T09:00:00Z,10.00,EUR,Older,,,,\r\n"
                + "2026-03-02T09:00:00Z,3.50,EUR,\"Flat white, \"\"large\"\"\",,Coffee,a;b,\r\n");
        assertThat(api.get("/expenses/export", user.token()).body()).isEqualTo(export.body());
        assertFieldError(api.get("/expenses/export?format=xlsx", user.token()), "format");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static String upload(RunningApi.User user, String contentType, String body, String query)
            throws Exception {
        HttpResponse<String> response = api.post("/imports" + query, body, contentType, user.token());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return ApiClient.json(response).get("id").asText();
    }

    private static HttpResponse<String> uploadWithKey(RunningApi.User user, String key, String csv) throws Exception {
        return api.send(api.request("/imports", user.token()).header("Content-Type", "text/csv")
                .header("Idempotency-Key", key).POST(BodyPublishers.ofString(csv)).build());
    }

    private static JsonNode awaitFinished(RunningApi.User user, String id) {
        return await("import " + id).atMost(DONE).pollInterval(Duration.ofMillis(50))
                .until(() -> ApiClient.json(api.get("/imports/" + id, user.token())),
                        view -> view.get("status").asText().matches("completed|failed"));
    }

    private static void assertFieldError(HttpResponse<String> response, String field) throws Exception {
        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.get("errors").findValuesAsText("field")).as(response.body()).contains(field);
    }

    /** The user's expense.added events in the stream, in stream order (sign-ups and sign-ins left out). */
    private static List<Event> eventsOf(String userId) throws Exception {
        JetStreamManagement jsm = running.nats.jetStreamManagement();
        long last = jsm.getStreamInfo(running.naming.streamName()).getStreamState().getLastSequence();
        List<Event> events = new ArrayList<>();
        for (long seq = 1; seq <= last; seq++) {
            MessageInfo message = jsm.getMessage(running.naming.streamName(), seq);
            if (userId.equals(message.getHeaders().getFirst(JetStreamPublisher.USER_ID_HEADER))
                    && "expense.added".equals(message.getHeaders().getFirst(JetStreamPublisher.EVENT_TYPE_HEADER))) {
                events.add(EventCodec.decode(message.getData()));
            }
        }
        return events;
    }

    private static String csvOfSize(int bytes) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; csv.length() < bytes; i++) {
            csv.append("2026-02-01,1.00,EUR,Padding row ").append(i).append(" ").append("x".repeat(200))
                    .append(",,,,\n");
        }
        return csv.toString();
    }

    private static HttpRequest multipart(String token, String fileName, String fileType, String file,
                                         String options) {
        String boundary = "ganaka-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (file != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + fileName + "\"\r\nContent-Type: " + fileType + "\r\n\r\n" + file + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        if (options != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"options\"\r\n"
                    + "Content-Type: application/json\r\n\r\n" + options + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.request("/imports", token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(BodyPublishers.ofByteArray(body.toByteArray())).build();
    }

    private static UUID seedCategory(RunningApi.User user, String name) throws Exception {
        UUID id = UUID.randomUUID();
        try (java.sql.Connection c = running.db.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO categories (user_id, id, name) VALUES (?, ?, ?)")) {
            s.setObject(1, UUID.fromString(user.id()));
            s.setObject(2, id);
            s.setString(3, name);
            s.executeUpdate();
        }
        return id;
    }

    private static UUID seedExpense(RunningApi.User user, String amount, String description, OffsetDateTime at)
            throws Exception {
        return seedExpense(user, amount, description, at, null, false);
    }

    private static UUID seedExpense(RunningApi.User user, String amount, String description, OffsetDateTime at,
                                    UUID categoryId, boolean deleted) throws Exception {
        UUID id = UUID.randomUUID();
        try (java.sql.Connection c = running.db.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO expenses (user_id, id, version, amount, currency,"
                     + " description, occurred_at, category_id, tags, deleted, created_at, updated_at)"
                     + " VALUES (?, ?, 1, ?, 'EUR', ?, ?, ?, ?, ?, now(), now())")) {
            s.setObject(1, UUID.fromString(user.id()));
            s.setObject(2, id);
            s.setBigDecimal(3, new BigDecimal(amount));
            s.setString(4, description);
            s.setObject(5, at);
            s.setObject(6, categoryId);
            s.setArray(7, c.createArrayOf("text", categoryId == null ? new String[0] : new String[] {"a", "b"}));
            s.setBoolean(8, deleted);
            s.executeUpdate();
        }
        return id;
    }
}
