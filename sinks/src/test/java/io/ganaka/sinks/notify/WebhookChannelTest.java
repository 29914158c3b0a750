package io.ganaka.sinks.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.schemas.webhooks.DeliveryOutcome.Result;
import io.ganaka.sinks.webhooks.WebhookStore.StoredWebhook;
import io.ganaka.sinks.webhooks.WebhookSubscriber;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How the webhook channel reads the sender's outcome, when it skips a delivery, and what it shares with others. */
class WebhookChannelTest {

    private static final UUID USER = UUID.randomUUID();
    private static final UUID HOOK = UUID.randomUUID();
    private static final Duration TOOK = Duration.ofMillis(12);

    private static io.ganaka.schemas.webhooks.DeliveryOutcome sent(Result result, Integer status, String error,
                                                                  Duration retryAfter) {
        return new io.ganaka.schemas.webhooks.DeliveryOutcome(result, status, TOOK, error, retryAfter);
    }

    private static Optional<StoredWebhook> webhook(boolean active, String... types) {
        return Optional.of(new StoredWebhook(new WebhookSubscriber(USER, HOOK, "https://books.example.org/in",
                "whsec_0123456789abcdef0123456789abcdef"), active, List.of(types)));
    }

    @Test
    void aTwoHundredIsSent() {
        assertThat(WebhookChannel.outcome(sent(Result.SENT, 204, null, null))).isEqualTo(DeliveryOutcome.SENT);
    }

    @Test
    void aRetryKeepsTheErrorAndTheTargetsRetryAfter() {
        assertThat(WebhookChannel.outcome(sent(Result.RETRY, 503, "the target answered 503", Duration.ofSeconds(90))))
                .isEqualTo(new DeliveryOutcome.Retry("the target answered 503", Duration.ofSeconds(90)));
        assertThat(WebhookChannel.outcome(io.ganaka.schemas.webhooks.DeliveryOutcome.retry("connecting timed out",
                TOOK))).isEqualTo(new DeliveryOutcome.Retry("connecting timed out", null));
    }

    @Test
    void aRefusalFailsWithItsError() {
        assertThat(WebhookChannel.outcome(sent(Result.FAILED, 410, "the target answered 410", null)))
                .isEqualTo(DeliveryOutcome.failed("the target answered 410"));
    }

    @Test
    void aDeletedWebhookIsSkipped() {
        assertThat(WebhookChannel.skipReason(Optional.empty(), HOOK, "alert.raised"))
                .contains("webhook " + HOOK + " was deleted");
    }

    @Test
    void anInactiveWebhookIsSkipped() {
        assertThat(WebhookChannel.skipReason(webhook(false, "alert.raised"), HOOK, "alert.raised"))
                .contains("webhook " + HOOK + " is inactive");
    }

    @Test
    void aWebhookThatNoLongerWantsTheTypeIsSkipped() {
        assertThat(WebhookChannel.skipReason(webhook(true, "expense.added"), HOOK, "alert.raised"))
                .contains("webhook " + HOOK + " no longer subscribes to alert.raised");
    }

    @Test
    void anActiveSubscribedWebhookIsAttempted() {
        assertThat(WebhookChannel.skipReason(webhook(true, "expense.added", "alert.raised"), HOOK, "alert.raised"))
                .isEmpty();
    }

    @Test
    void eachWebhookHasABreakerOfItsOwnAndIgnoresPreferencesAndQuietHours() {
        WebhookChannel channel = new WebhookChannel(null, null);
        Notification n = new Notification(UUID.randomUUID(), USER, "alert.raised", "webhook", "alert.raised", "{}",
                null, HOOK.toString(), UUID.randomUUID(), 0, Instant.EPOCH);
        assertThat(channel.breakerKey(n)).isEqualTo("webhook:" + HOOK);
        assertThat(channel.respectsQuietHours()).isFalse();
        assertThat(channel.recipientFor(new UserContact(USER, "a@example.org", "Asha", ZoneOffset.UTC,
                NotificationPreferences.parse("{}", ZoneOffset.UTC)))).isEmpty();
    }
}
