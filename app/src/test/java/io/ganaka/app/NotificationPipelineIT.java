package io.ganaka.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.ganaka.testkit.FreePorts;
import io.ganaka.testkit.TestEnvironment;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Notifications through the whole system: a new account's welcome and a large expense's alert arrive as e-mail at a
 * GreenMail server, and {@code GET /notifications} shows each user their own notifications only.
 */
class NotificationPipelineIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    private static GreenMail mail;
    private static RunningSystem running;
    private static HttpJson http;

    @BeforeAll
    static void startEverything() throws Exception {
        int smtpPort = FreePorts.next();
        mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
        mail.start();
        running = RunningSystem.start(TestEnvironment.shared(), "-notify", "ganaka-it-notify-", Map.of(
                "SMTP_HOST", "127.0.0.1", "SMTP_PORT", Integer.toString(smtpPort),
                "GANAKA_NOTIFY_POLL_MS", "50", "GANAKA_NOTIFY_RETRY_BASE_MS", "100",
                "GANAKA_NOTIFY_RETRY_MAX_MS", "500"));
        http = running.http();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (running != null) {
            running.close();
        }
        mail.stop();
    }

    private static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static List<JsonNode> notifications(String token) {
        HttpJson.Reply reply = http.get("/notifications", token);
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        reply.body().get("items").forEach(items::add);
        return items;
    }

    @Test
    void aLargeExpenseAndANewAccountReachTheirOwnerByEmailAndInTheirHistoryOnly() throws Exception {
        HttpJson.Session asha = http.newSession("asha-notify@example.org");
        HttpJson.Session bob = http.newSession("bob-notify@example.org");

        http.addExpense(asha.token(), "1500.00", "EUR", "2026-03-15T08:30:00Z", "New laptop");

        await().atMost(DEADLINE).until(() -> mailTo("asha-notify@example.org").size() == 2);
        assertThat(mailTo("asha-notify@example.org")).extracting(MimeMessage::getSubject)
                .containsExactlyInAnyOrder("Welcome to Ganaka", "Large expense: 1500.00 EUR");
        await().atMost(DEADLINE).until(() -> notifications(asha.token()).stream()
                .filter(n -> n.get("status").asText().equals("sent")).count() == 4);
        List<JsonNode> ashas = notifications(asha.token());
        assertThat(ashas).extracting(n -> n.get("kind").asText() + "/" + n.get("channel").asText())
                .containsExactlyInAnyOrder("welcome/email", "welcome/in-app", "alert.high-value/email",
                        "alert.high-value/in-app");
        assertThat(ashas).extracting(n -> n.get("createdAt").asText()) // newest first
                .isSortedAccordingTo(java.util.Comparator.comparing(java.time.Instant::parse,
                        java.util.Comparator.reverseOrder()));

        List<JsonNode> bobs = notifications(bob.token());
        assertThat(bobs).extracting(n -> n.get("kind").asText()).containsOnly("welcome");
        assertThat(bobs).extracting(n -> n.get("id").asText())
                .doesNotContainAnyElementsOf(ashas.stream().map(n -> n.get("id").asText()).toList());
        assertThat(mailTo("asha-notify@example.org")).hasSize(2);
    }
}
