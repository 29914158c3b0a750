package io.ganaka.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.ganaka.schemas.Correlation;
import io.ganaka.testkit.FreePorts;
import io.ganaka.testkit.TestEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A request's id is the correlation id of every log line about it, in every role: the API's request line, the alert
 * the streams raise, the notification intake in the sinks, and (through the source event) the notification's dispatch.
 */
class CorrelationLogsIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    private static GreenMail mail;
    private static RunningSystem running;
    private static HttpJson http;
    private static CapturedLogs logs;

    @BeforeAll
    static void startEverything() throws Exception {
        logs = CapturedLogs.attach();
        int smtpPort = FreePorts.next();
        mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
        mail.start();
        running = RunningSystem.start(TestEnvironment.shared(), "-correlation", "ganaka-it-correlation-", Map.of(
                "SMTP_HOST", "127.0.0.1", "SMTP_PORT", Integer.toString(smtpPort), "GANAKA_NOTIFY_POLL_MS", "50"));
        http = running.http();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (running != null) {
            running.close();
        }
        mail.stop();
        logs.detach();
    }

    @Test
    void aRegistrationsRequestIdNamesItsApiLineItsNotificationRequestAndLeadsToTheDispatch() {
        String requestId = "register-" + UUID.randomUUID();
        String password = "correct horse battery " + UUID.randomUUID();
        HttpJson.Reply reply = http.post("/auth/register", null,
                Map.of("email", "corr-" + UUID.randomUUID() + "@example.org", "password", password),
                Map.of("X-Request-Id", requestId));
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(202);

        // Javalin writes the request's line once the answer is out, so it may follow the answer by a moment.
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(linesOf(requestId)).anySatisfy(line -> {
            assertThat(line.logger()).endsWith("RequestLog");
            assertThat(line.message()).startsWith("POST /auth/register 202");
        }));
        CapturedLogs.Line intake = await().atMost(DEADLINE).until(() -> linesOf(requestId).stream()
                .filter(l -> l.message().startsWith("notification welcome requested")).findFirst(), Optional::isPresent)
                .orElseThrow();
        String sourceEvent = intake.mdc().get(Correlation.SOURCE_EVENT_MDC_KEY);
        assertThat(sourceEvent).isNotBlank();
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(logs.lines()).anySatisfy(line -> {
            assertThat(line.mdc()).containsEntry(Correlation.SOURCE_EVENT_MDC_KEY, sourceEvent);
            assertThat(line.message()).contains("welcome sent");
        }));
    }

    @Test
    void aLargeExpensesRequestIdNamesTheAlertItRaisesAndTheNotificationItAsksFor() {
        String token = http.signUpAndLogIn("corr-" + UUID.randomUUID() + "@example.org");
        String requestId = "expense-" + UUID.randomUUID();
        HttpJson.Reply reply = http.post("/expenses", token,
                HttpJson.expense("1500.00", "EUR", "2026-03-15T08:30:00Z", "New laptop"),
                Map.of("X-Request-Id", requestId));
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(202);

        await().atMost(DEADLINE).untilAsserted(() -> assertThat(linesOf(requestId))
                .anySatisfy(l -> assertThat(l.message()).startsWith("POST /expenses 202"))
                .anySatisfy(l -> assertThat(l.message()).startsWith("alert high-value"))
                .anySatisfy(l -> assertThat(l.message()).startsWith("notification alert.high-value requested")));
    }

    private static List<CapturedLogs.Line> linesOf(String correlationId) {
        return logs.lines().stream()
                .filter(l -> correlationId.equals(l.mdc().get(Correlation.MDC_KEY)))
                .toList();
    }
}
