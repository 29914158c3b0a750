package io.ganaka.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ganaka.sinks.notify.NotificationSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The SMTP, SMS and dispatcher keys: working dev defaults, and one clear line per bad value. */
class NotificationConfigTest {

    @Test
    void devMailsToALocalTestServerAndOnlyLogsTextMessages() {
        NotificationSettings n = GanakaConfig.load(Map.of(), true).notifications();

        assertThat(n.smtp().host()).isEqualTo("localhost");
        assertThat(n.smtp().port()).isEqualTo(2525);
        assertThat(n.smtp().user()).isEmpty();
        assertThat(n.smtp().from()).isEqualTo(NotificationConfig.DEFAULT_FROM);
        assertThat(n.sms().provider()).isEqualTo("log");
        assertThat(n.dispatcher().pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(n.dispatcher().retries().maxAttempts()).isEqualTo(8);
    }

    @Test
    void readsEveryKey() {
        NotificationSettings n = GanakaConfig.load(Map.ofEntries(
                Map.entry("SMTP_HOST", "smtp.example.org"), Map.entry("SMTP_PORT", "587"),
                Map.entry("SMTP_USER", "ganaka"), Map.entry("SMTP_PASS", "secret"),
                Map.entry("SMTP_FROM", "Ganaka <no-reply@example.org>"),
                Map.entry("SMS_WEBHOOK_URL", "https://sms.example.org/send"), Map.entry("SMS_WEBHOOK_TOKEN", "t0k"),
                Map.entry("GANAKA_NOTIFY_POLL_MS", "250"), Map.entry("GANAKA_NOTIFY_MAX_ATTEMPTS", "3"),
                Map.entry("GANAKA_NOTIFY_RETRY_BASE_MS", "1000"), Map.entry("GANAKA_NOTIFY_RETRY_MAX_MS", "5000"),
                Map.entry("GANAKA_NOTIFY_BATCH_SIZE", "7"), Map.entry("GANAKA_NOTIFY_CONCURRENCY", "3")), true)
                .notifications();

        assertThat(n.smtp()).isEqualTo(new NotificationSettings.Smtp("smtp.example.org", 587, Optional.of("ganaka"),
                Optional.of("secret"), "Ganaka <no-reply@example.org>", Duration.ofSeconds(10)));
        assertThat(n.sms().provider()).isEqualTo("webhook"); // a webhook URL chooses the webhook provider
        assertThat(n.sms().webhookUrl()).contains(URI.create("https://sms.example.org/send"));
        assertThat(n.dispatcher().pollInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(n.dispatcher().batchSize()).isEqualTo(7);
        assertThat(n.dispatcher().concurrency()).isEqualTo(3);
        assertThat(n.dispatcher().retries().base()).isEqualTo(Duration.ofSeconds(1));
        assertThat(n.dispatcher().retries().max()).isEqualTo(Duration.ofSeconds(5));
        assertThat(n.dispatcher().retries().maxAttempts()).isEqualTo(3);
    }

    @Test
    void reportsEveryBadValueOnALineOfItsOwn() {
        Map<String, String> env = Map.of(
                "SMTP_PORT", "smtp",
                "SMTP_USER", "ganaka",
                "SMTP_FROM", "not an address",
                "SMS_PROVIDER", "carrier-pigeon",
                "GANAKA_NOTIFY_MAX_ATTEMPTS", "0");

        assertThatThrownBy(() -> GanakaConfig.load(env, true))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(5)
                        .anySatisfy(p -> assertThat(p).startsWith("SMTP_PORT must be a whole number"))
                        .anySatisfy(p -> assertThat(p).startsWith("SMTP_PASS is required when SMTP_USER is set"))
                        .anySatisfy(p -> assertThat(p).startsWith("SMTP_FROM must be an e-mail address"))
                        .anySatisfy(p -> assertThat(p).startsWith("SMS_PROVIDER must be log or webhook"))
                        .anySatisfy(p -> assertThat(p).startsWith("GANAKA_NOTIFY_MAX_ATTEMPTS must be between")));
    }

    @Test
    void theWebhookProviderNeedsAnHttpUrlAndAToken() {
        assertThatThrownBy(() -> GanakaConfig.load(Map.of("SMS_PROVIDER", "webhook"), true))
                .hasMessageContaining("SMS_WEBHOOK_URL is required when SMS_PROVIDER is webhook");
        assertThatThrownBy(() -> GanakaConfig.load(Map.of("SMS_WEBHOOK_URL", "https://sms.example.org"), true))
                .hasMessageContaining("SMS_WEBHOOK_TOKEN is required");
        assertThatThrownBy(() -> GanakaConfig.load(Map.of("SMS_WEBHOOK_URL", "ftp://sms.example.org",
                "SMS_WEBHOOK_TOKEN", "t"), true))
                .hasMessageContaining("SMS_WEBHOOK_URL must be an http:// or https:// URL");
    }

    @Test
    void retryCapBelowTheBaseIsRefused() {
        assertThatThrownBy(() -> GanakaConfig.load(Map.of("GANAKA_NOTIFY_RETRY_BASE_MS", "5000",
                "GANAKA_NOTIFY_RETRY_MAX_MS", "1000"), true))
                .hasMessageContaining("GANAKA_NOTIFY_RETRY_MAX_MS must not be less than GANAKA_NOTIFY_RETRY_BASE_MS");
    }
}
