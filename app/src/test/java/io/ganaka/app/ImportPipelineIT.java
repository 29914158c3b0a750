package io.ganaka.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ganaka.schemas.Json;
import io.ganaka.schemas.Money;
import io.ganaka.testkit.TestEnvironment;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bulk import through the whole system: a file's rows travel as events through JetStream, the bridge, Kafka, the
 * streams and the sinks, and the monthly reports end up equal to the sums computed from the file itself; an export
 * imported into another account reproduces the same reports and the same export.
 */
class ImportPipelineIT {

    /**
     * Rows of the large import: 50,000 in every build, to keep the whole suite within its time; the API's limit of
     * 100,000 by hand with {@code -Dganaka.import.rows=100000}.
     */
    private static final int LARGE_IMPORT_ROWS = Integer.getInteger("ganaka.import.rows", 50_000);
    private static final Duration IMPORT_DEADLINE = Duration.ofMinutes(3);
    private static final Duration PIPELINE_DEADLINE = Duration.ofMinutes(6);
    private static final String HEADER = "date,amount,currency,description,merchant,category,tags,notes\n";
    private static final List<String> CURRENCIES = List.of("EUR", "USD", "JPY", "GBP");
    private static final YearMonth FIRST_MONTH = YearMonth.of(2025, 10);
    private static final int MONTHS = 6;

    @AutoClose
    private static RunningSystem running;
    private static HttpJson http;
    private static final HttpClient raw = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startEverything() throws Exception {
        running = RunningSystem.start(TestEnvironment.shared(), "-imports", "ganaka-it-imports-");
        http = running.http();
    }

    @Test
    void aLargeImportAddsUpToTheMonthlyReportsComputedFromTheFile() throws Exception {
        String token = signUpAndLogIn();
        GeneratedFile file = generate(LARGE_IMPORT_ROWS, 20261130L);

        String id = importCsv(token, file.csv());

        JsonNode done = awaitImported(token, id);
        assertThat(done.get("imported").asInt()).as(done.toString()).isEqualTo(LARGE_IMPORT_ROWS);
        assertThat(done.get("duplicates").asInt()).isZero();
        assertThat(done.get("rejected").asInt()).isZero();
        for (Map.Entry<YearMonth, Map<String, String>> month : file.expectedTotals().entrySet()) {
            await("report " + month.getKey()).atMost(PIPELINE_DEADLINE).pollInterval(Duration.ofMillis(500))
                    .until(() -> totals(token, month.getKey()), month.getValue()::equals);
        }
    }

    @Test
    void anExportImportedIntoANewAccountGivesTheSameMonthlyReportsAndTheSameExport() throws Exception {
        String source = signUpAndLogIn();
        GeneratedFile file = generate(2_000, 7L);
        awaitImported(source, importCsv(source, file.csv()));
        await("source projected").atMost(PIPELINE_DEADLINE).pollInterval(Duration.ofMillis(250))
                .until(() -> exportCsv(source).lines().count() == 2_001);
        String exported = exportCsv(source);

        String copy = signUpAndLogIn();
        JsonNode done = awaitImported(copy, importCsv(copy, exported));

        assertThat(done.get("imported").asInt()).isEqualTo(2_000);
        await("copy projected").atMost(PIPELINE_DEADLINE).pollInterval(Duration.ofMillis(250))
                .until(() -> exportCsv(copy), exported::equals);
        for (int m = 0; m < MONTHS; m++) {
            YearMonth month = FIRST_MONTH.plusMonths(m);
            Map<String, String> expected = file.expectedTotals().getOrDefault(month, Map.of());
            assertThat(totals(source, month)).as("source " + month).isEqualTo(expected);
            await("copy report " + month).atMost(PIPELINE_DEADLINE).pollInterval(Duration.ofMillis(250))
                    .until(() -> totals(copy, month), expected::equals);
        }
    }

    // ---- the generated file --------------------------------------------------------------------------------------

    /** A CSV file and, per month, {@code currency -> "total xcount"} as the monthly report must show it. */
    private record GeneratedFile(String csv, Map<YearMonth, Map<String, String>> expectedTotals) {}

    /**
     * Rows with a fixed seed: every row its own second within {@link #MONTHS} months (so no two rows are duplicates
     * and an export has one order), one of four currencies (JPY without decimals), tags and notes now and then.
     */
    private static GeneratedFile generate(int rows, long seed) {
        Random random = new Random(seed);
        Instant start = FIRST_MONTH.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        long span = FIRST_MONTH.plusMonths(MONTHS).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).getEpochSecond()
                - start.getEpochSecond();
        long step = span / rows;
        StringBuilder csv = new StringBuilder(rows * 64).append(HEADER);
        Map<YearMonth, Map<String, BigDecimal>> sums = new TreeMap<>();
        Map<YearMonth, Map<String, Integer>> counts = new TreeMap<>();
        for (int i = 0; i < rows; i++) {
            Instant at = start.plusSeconds(i * step + random.nextInt((int) Math.max(1, step)));
            String currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
            int digits = Money.fractionDigits(currency);
            BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(999_999), digits);
            csv.append(at).append(',').append(amount.toPlainString()).append(',').append(currency)
                    .append(",Item ").append(i).append(',')
                    .append(random.nextInt(4) == 0 ? "Shop " + random.nextInt(50) : "").append(",,")
                    .append(random.nextInt(5) == 0 ? "a;b" : "").append(',')
                    .append(random.nextInt(7) == 0 ? "\"note, " + i + "\"" : "").append('\n');
            YearMonth month = YearMonth.from(at.atZone(ZoneOffset.UTC));
            sums.computeIfAbsent(month, k -> new HashMap<>()).merge(currency, amount, BigDecimal::add);
            counts.computeIfAbsent(month, k -> new HashMap<>()).merge(currency, 1, Integer::sum);
        }
        Map<YearMonth, Map<String, String>> expected = new TreeMap<>();
        sums.forEach((month, byCurrency) -> byCurrency.forEach((currency, total) -> expected
                .computeIfAbsent(month, k -> new HashMap<>())
                .put(currency, Money.format(total, currency) + " x" + counts.get(month).get(currency))));
        return new GeneratedFile(csv.toString(), expected);
    }

    // ---- HTTP ----------------------------------------------------------------------------------------------------

    private static String signUpAndLogIn() {
        return http.signUpAndLogIn("importer-" + UUID.randomUUID() + "@example.com");
    }

    private static String importCsv(String token, String csv) throws Exception {
        HttpResponse<String> response = raw.send(request("/imports", token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return Json.MAPPER.readTree(response.body()).get("id").asText();
    }

    private static JsonNode awaitImported(String token, String id) {
        JsonNode done = await("import " + id).atMost(IMPORT_DEADLINE).pollInterval(Duration.ofMillis(250))
                .until(() -> http.get("/imports/" + id, token).body(),
                        view -> view.get("status").asText().matches("completed|failed"));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("completed");
        return done;
    }

    private static String exportCsv(String token) throws Exception {
        HttpResponse<String> response = raw.send(request("/expenses/export?format=csv", token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + running.apiPort() + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token);
    }

    /** The monthly report as {@code currency -> "total xcount"}. */
    private static Map<String, String> totals(String token, YearMonth month) {
        HttpJson.Reply report = http.get("/reports/monthly/" + month.getYear() + "/" + month.getMonthValue(), token);
        assertThat(report.status()).isEqualTo(200);
        Map<String, String> totals = new HashMap<>();
        for (JsonNode t : report.body().get("totals")) {
            totals.put(t.get("currency").asText(), t.get("total").asText() + " x" + t.get("count").asLong());
        }
        return totals;
    }
}
