package io.ganaka.api;

import io.ganaka.schemas.Naming;
import java.time.Duration;

/**
 * What the API needs to know beyond its collaborators. {@code port} 0 picks a free port; {@code publishTimeout}
 * is how long a write waits for the JetStream ack before answering 503; {@code maxRequestBytes} caps bodies (413).
 */
public record ApiSettings(int port, Naming naming, Duration publishTimeout, long maxRequestBytes) {

    public ApiSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        if (naming == null) {
            throw new IllegalArgumentException("naming is required");
        }
        if (publishTimeout == null || publishTimeout.isNegative() || publishTimeout.isZero()) {
            throw new IllegalArgumentException("publishTimeout must be positive: " + publishTimeout);
        }
        if (maxRequestBytes < 1) {
            throw new IllegalArgumentException("maxRequestBytes must be positive: " + maxRequestBytes);
        }
    }
}
