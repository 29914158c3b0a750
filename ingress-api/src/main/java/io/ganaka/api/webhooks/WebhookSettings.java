package io.ganaka.api.webhooks;

import io.ganaka.schemas.webhooks.WebhookSenderSettings;
import io.ganaka.schemas.webhooks.WebhookTargetPolicy;
import java.time.Duration;

/**
 * How the API treats webhooks: whether targets may be loopback or private addresses (development and tests only),
 * and how long a test delivery may take to connect and to be answered.
 */
public record WebhookSettings(boolean allowPrivateTargets, Duration connectTimeout, Duration testTimeout) {

    /** Public targets only; a test delivery gives up after 3 s connecting or 5 s in all. */
    public static final WebhookSettings DEFAULTS = new WebhookSettings(false, Duration.ofSeconds(3),
            Duration.ofSeconds(5));

    public WebhookSettings withAllowPrivateTargets(boolean allow) {
        return new WebhookSettings(allow, connectTimeout, testTimeout);
    }

    public WebhookTargetPolicy policy() {
        return new WebhookTargetPolicy(allowPrivateTargets);
    }

    public WebhookSenderSettings senderSettings() {
        return new WebhookSenderSettings(connectTimeout, testTimeout, policy());
    }
}
