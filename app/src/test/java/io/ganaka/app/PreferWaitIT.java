package io.ganaka.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.testkit.TestEnvironment;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code Prefer: wait} through the whole pipeline: the sinks report what they committed over NATS, and the API holds
 * the write until the expense is readable.
 */
class PreferWaitIT {

    @AutoClose
    private static RunningSystem running;
    private static HttpJson http;

    @BeforeAll
    static void startEverything() throws Exception {
        running = RunningSystem.start(TestEnvironment.shared(), "-wait", "ganaka-it-wait-");
        http = running.http();
    }

    @Test
    void aWriteThatPrefersToWaitAnswers201WithTheExpenseReadableAtOnce() {
        String token = signUpAndLogIn();

        HttpJson.Reply created = http.post("/expenses", token, notebook(), Map.of("Prefer", "wait=10"));

        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        assertThat(created.header("Preference-Applied")).isEqualTo("wait=10");
        String id = created.body().get("id").asText();
        assertThat(created.header("Location")).isEqualTo("/expenses/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.body().get("amount").asText()).isEqualTo("3.20");
        assertThat(created.body().get("description").asText()).isEqualTo("Notebook");
        HttpJson.Reply read = http.get("/expenses/" + id, token);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(created.body());
    }

    @Test
    void aWriteWithoutThePreferenceAnswers202AsUsual() {
        String token = signUpAndLogIn();

        HttpJson.Reply accepted = http.post("/expenses", token, notebook());

        assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(202);
        assertThat(accepted.header("Preference-Applied")).isNull();
        assertThat(accepted.body().get("status").asText()).isEqualTo("accepted");
    }

    @Test
    void aReplacementThatPrefersToWaitAnswers200WithTheNewVersion() {
        String token = signUpAndLogIn();
        String id = http.post("/expenses", token, notebook(), Map.of("Prefer", "wait=10")).body().get("id").asText();

        HttpJson.Reply replaced = http.send("PUT", "/expenses/" + id, token, Map.of("amount", "4.10",
                "currency", "EUR", "occurredAt", "2026-03-15T08:30:00Z", "description", "Two notebooks"),
                Map.of("If-Match", "\"1\"", "Prefer", "wait=10"));

        assertThat(replaced.status()).as(replaced.raw().body()).isEqualTo(200);
        assertThat(replaced.header("Preference-Applied")).isEqualTo("wait=10");
        assertThat(replaced.header("ETag")).isEqualTo("\"2\"");
        assertThat(replaced.body().get("version").asLong()).isEqualTo(2);
        assertThat(replaced.body().get("amount").asText()).isEqualTo("4.10");
        assertThat(http.get("/expenses/" + id, token).body()).isEqualTo(replaced.body());
    }

    @Test
    void aDeleteThatPrefersToWaitAnswers204OnceTheExpenseIsGone() {
        String token = signUpAndLogIn();
        String id = http.post("/expenses", token, notebook(), Map.of("Prefer", "wait=10")).body().get("id").asText();

        HttpJson.Reply deleted = http.send("DELETE", "/expenses/" + id, token, null, Map.of("Prefer", "wait=10"));

        assertThat(deleted.status()).as(deleted.raw().body()).isEqualTo(204);
        assertThat(deleted.header("Preference-Applied")).isEqualTo("wait=10");
        assertThat(http.get("/expenses/" + id, token).status()).isEqualTo(404);
    }

    /**
     * An expense no default rule categorizes: a categorization follows its add a moment after the add is projected,
     * and would change what the second read shows.
     */
    private static Map<String, Object> notebook() {
        return HttpJson.expense("3.20", "EUR", "2026-03-15T08:30:00Z", "Notebook");
    }

    private static String signUpAndLogIn() {
        return http.signUpAndLogIn("waiter-" + UUID.randomUUID() + "@example.com");
    }
}
