package io.ganaka.schemas.webhooks;

import java.time.Duration;

/**
 * How a {@link WebhookSender} sends: {@code connectTimeout} bounds the name lookup and the TCP/TLS connect,
 * {@code timeout} the whole request from connect to the end of the answer; {@code policy} says which targets it may
 * reach.
 */
public record WebhookSenderSettings(Duration connectTimeout, Duration timeout, WebhookTargetPolicy policy) {

    public WebhookSenderSettings {
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive: " + connectTimeout);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (policy == null) {
            throw new IllegalArgumentException("policy is required");
        }
    }
}
