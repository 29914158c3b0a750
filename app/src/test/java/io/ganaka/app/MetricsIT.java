package io.ganaka.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ganaka.testkit.TestEnvironment;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} of a deployment split in two processes, as in production: one runs the API, the bridge and the
 * sinks and serves its metrics on the API port; the other runs only the streams role and serves them on
 * {@code GANAKA_METRICS_PORT}. An expense goes through both before they are scraped.
 */
class MetricsIT {

    private static final Duration PIPELINE_DEADLINE = Duration.ofSeconds(90);
    private static final HttpClient SCRAPER = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AutoClose
    private static RunningSystem front;
    @AutoClose
    private static RunningSystem streams;
    private static HttpJson http;

    @BeforeAll
    static void startBothProcesses() throws Exception {
        TestEnvironment env = TestEnvironment.shared();
        front = RunningSystem.start(env, "-metrics", "ganaka-it-metrics-",
                EnumSet.of(Role.API, Role.BRIDGE, Role.SINKS), Map.of());
        streams = RunningSystem.start(env, "-metrics", "ganaka-it-metrics-streams-",
                EnumSet.of(Role.STREAMS), Map.of("GANAKA_METRICS_PORT", "0"));
        http = front.http();
    }

    @Test
    void eachProcessExportsTheMetricsOfTheRolesItRunsOnceAnExpenseWentThrough() throws Exception {
        String token = http.signUpAndLogIn("metrics-" + UUID.randomUUID() + "@example.com");
        String id = http.addExpense(token, "3.50", "EUR", "2026-03-15T08:30:00Z", "Espresso");
        await("expense projected").atMost(PIPELINE_DEADLINE).pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/expenses/" + id, token).status() == 200);
        await("March total").atMost(PIPELINE_DEADLINE).pollInterval(Duration.ofMillis(100))
                .until(() -> http.monthlyTotals(token, 2026, 3), t -> t.equals(Map.of("EUR", "3.50 x1")));
        assertThat(http.get("/no-such-page/" + id, null).status()).isEqualTo(404);

        String front = scrape(MetricsIT.front.apiPort(), "text/plain").body();
        assertThat(series(front, "http_server_request_duration_seconds_count"))
                .anySatisfy(s -> assertThat(s).contains("method=\"POST\"", "route=\"/expenses\"", "status=\"202\""))
                .anySatisfy(s -> assertThat(s).contains("method=\"GET\"", "route=\"/expenses/{id}\"",
                        "status=\"200\""))
                .anySatisfy(s -> assertThat(s).contains("route=\"unmatched\"", "status=\"404\""))
                .noneSatisfy(s -> assertThat(s).contains(id));
        assertThat(series(front, "jvm_memory_used_bytes")).isNotEmpty();
        assertThat(series(front, "kafka_producer_record_send_total"))
                .anySatisfy(s -> assertThat(s).contains("application=\"bridge\"", "client_id=\""));
        assertThat(series(front, "kafka_consumer_fetch_manager_records_consumed_total"))
                .anySatisfy(s -> assertThat(s).contains("application=\"sinks\"", "client_id=\""));
        assertThat(series(front, "ganaka_bridge_messages_total"))
                .anySatisfy(s -> assertThat(s).contains("outcome=\"forwarded\""));
        assertThat(series(front, "kafka_streams_stream_thread_process_total")).isEmpty();

        String stream = scrape(streams.system().metricsPort(), "text/plain").body();
        for (String client : List.of("categorize", "reports", "alerts")) {
            assertThat(series(stream, "kafka_streams_stream_thread_process_total")).as(client)
                    .anySatisfy(s -> assertThat(s).contains("application=\"" + client + "\"", "thread_id=\""));
        }
        assertThat(series(stream, "kafka_streams_stream_task_process_total"))
                .anySatisfy(s -> assertThat(s).contains("task_id=\""));
        assertThat(series(stream, "jvm_memory_used_bytes")).isNotEmpty();
        assertThat(series(stream, "http_server_request_duration_seconds_count")).isEmpty();
    }

    @Test
    void theApiBridgeStreamsAndSinksCountAnExpenseByTypeSinkAndOutcome() throws Exception {
        String token = http.signUpAndLogIn("counts-" + UUID.randomUUID() + "@example.com");
        String id = http.addExpense(token, "7.25", "EUR", "2026-05-04T09:00:00Z", "Books");
        await("expense projected").atMost(PIPELINE_DEADLINE).pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/expenses/" + id, token).status() == 200);

        String front = scrape(MetricsIT.front.apiPort(), "text/plain").body();
        assertThat(series(front, "ganaka_events_published_total"))
                .anySatisfy(s -> assertThat(s).contains("type=\"expense.added\"", "outcome=\"stored\""));
        assertThat(series(front, "ganaka_bridge_forwarded_total"))
                .anySatisfy(s -> assertThat(s).contains("type=\"expense.added\""));
        await("the streams role counted the expense").atMost(PIPELINE_DEADLINE).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(series(scrape(streams.system().metricsPort(), "text/plain").body(),
                        "ganaka_streams_events_processed_total"))
                        .anySatisfy(s -> assertThat(s).contains("application=\"categorize\"", "type=\"expense.added\""))
                        .anySatisfy(s -> assertThat(s).contains("application=\"reports\"", "type=\"expense.categorized\""))
                        .anySatisfy(s -> assertThat(s).contains("application=\"alerts\"", "type=\"expense.categorized\"")));
        assertThat(series(front, "ganaka_sink_records_total"))
                .anySatisfy(s -> assertThat(s).contains("sink=\"expenses\"", "outcome=\"written\""));
        assertThat(series(front, "ganaka_sink_batch_size_count"))
                .anySatisfy(s -> assertThat(s).contains("sink=\"expenses\""));
        assertThat(series(front, "ganaka_sink_write_seconds_count"))
                .anySatisfy(s -> assertThat(s).contains("sink=\"expenses\""));
        assertThat(series(front, "ganaka_pipeline_latency_seconds_count"))
                .anySatisfy(s -> assertThat(s).contains("sink=\"expenses\""));
        assertThat(series(front, "ganaka_bridge_lag_messages"))
                .anySatisfy(s -> assertThat(s).contains("state=\"pending\""));
        assertThat(series(front, "ganaka_ws_connections")).hasSize(1);
        assertThat(series(front, "ganaka_notifications_total"))
                .anySatisfy(s -> assertThat(s).contains("channel=\"email\"", "status=\"sent\""));
    }

    @Test
    void everyMetricTheGrafanaDashboardsQueryIsExportedOnceTrafficWentThrough() throws Exception {
        Map<String, Set<String>> dashboards = GrafanaDashboards.metricNames();
        assertThat(dashboards.keySet()).containsExactlyInAnyOrder("api.json", "jvm.json", "notifications.json",
                "pipeline.json", "sinks.json", "streams.json");
        dashboards.forEach((file, names) -> assertThat(names).as(file).isNotEmpty());
        String token = http.signUpAndLogIn("dashboards-" + UUID.randomUUID() + "@example.com");
        String id = http.addExpense(token, "12.00", "EUR", "2026-04-02T12:00:00Z", "Lunch");
        await("expense projected").atMost(PIPELINE_DEADLINE).pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/expenses/" + id, token).status() == 200);

        // Some Kafka gauges appear only once their client took a sample, so the scrapes are repeated until then.
        await("every dashboard metric exported").atMost(PIPELINE_DEADLINE).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    Set<String> exported = new TreeSet<>(sampleNames(scrape(front.apiPort(), "text/plain").body()));
                    exported.addAll(sampleNames(scrape(streams.system().metricsPort(), "text/plain").body()));
                    dashboards.forEach((file, names) -> assertThat(exported).as(file).containsAll(names));
                });
    }

    @Test
    void readinessAsksKafkaBesideTheApisOwnDependencies() {
        HttpJson.Reply ready = http.get("/ready", null);

        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.body().get("checks").get("kafka").asText()).isEqualTo("up");
        assertThat(ready.body().get("checks").get("postgres").asText()).isEqualTo("up");
    }

    @Test
    void theApiServesMetricsWithoutATokenInTheFormatTheScraperAsksFor() throws Exception {
        HttpResponse<String> text = scrape(front.apiPort(), "text/plain;version=0.0.4");
        assertThat(text.statusCode()).isEqualTo(200);
        assertThat(text.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain; version=0.0.4"));

        HttpResponse<String> openMetrics = scrape(front.apiPort(), "application/openmetrics-text; version=1.0.0");
        assertThat(openMetrics.statusCode()).isEqualTo(200);
        assertThat(openMetrics.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/openmetrics-text"));
        assertThat(openMetrics.body()).endsWith("# EOF\n");
    }

    private static HttpResponse<String> scrape(int port, String accept) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .header("Accept", accept).timeout(Duration.ofSeconds(20)).GET().build();
        HttpResponse<String> response = SCRAPER.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    /** The name of every sample in the text exposition format ({@code …_total}, {@code …_bucket}, …). */
    private static Set<String> sampleNames(String exposition) {
        return exposition.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The sample lines of the metric {@code name} (with its labels), from the text exposition format. */
    private static List<String> series(String exposition, String name) {
        return exposition.lines().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " ")).toList();
    }
}
