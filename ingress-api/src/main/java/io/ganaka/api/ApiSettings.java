package io.ganaka.api;

import io.ganaka.schemas.Naming;
import java.time.Duration;
import java.util.List;

/**
 * What the API needs to know beyond its collaborators. {@code port} 0 picks a free port; {@code publishTimeout}
 * is how long a write waits for the JetStream ack before answering 503; {@code maxRequestBytes} caps bodies (413);
 * {@code corsOrigins} are the exact browser origins allowed to call the API (empty: no CORS at all); {@code http} bounds
 * the requests in progress and waiting (beyond them: 503).
 */
public record ApiSettings(int port, Naming naming, Duration publishTimeout, long maxRequestBytes,
                          List<String> corsOrigins, HttpLimits http) {

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
        corsOrigins = List.copyOf(corsOrigins);
        if (corsOrigins.contains("null") || corsOrigins.contains("*")) {
            throw new IllegalArgumentException("corsOrigins must list exact origins, not null or *: " + corsOrigins);
        }
        if (http == null) {
            throw new IllegalArgumentException("http limits are required");
        }
    }

    /** Settings with the default HTTP limits. */
    public ApiSettings(int port, Naming naming, Duration publishTimeout, long maxRequestBytes,
                       List<String> corsOrigins) {
        this(port, naming, publishTimeout, maxRequestBytes, corsOrigins, HttpLimits.DEFAULTS);
    }

    /** These settings with other HTTP limits. */
    public ApiSettings withHttp(HttpLimits limits) {
        return new ApiSettings(port, naming, publishTimeout, maxRequestBytes, corsOrigins, limits);
    }

    /** Settings without CORS, for callers that serve no browser from another origin. */
    public ApiSettings(int port, Naming naming, Duration publishTimeout, long maxRequestBytes) {
        this(port, naming, publishTimeout, maxRequestBytes, List.of());
    }
}
