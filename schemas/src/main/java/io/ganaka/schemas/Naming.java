package io.ganaka.schemas;

import java.util.regex.Pattern;

/**
 * Every name that crosses a wire or a storage boundary, derived from one optional prefix so that
 * test runs and tenants sharing a machine never share a stream, subject, topic or key space.
 */
public record Naming(String prefix) {

    private static final Pattern VALID_PREFIX = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

    public static final Naming DEFAULT = new Naming("");

    public Naming {
        prefix = prefix == null ? "" : prefix;
        if (!prefix.isEmpty() && !VALID_PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException(
                    "prefix must match " + VALID_PREFIX.pattern() + " (lower-case letters, digits, '-', '_'): " + prefix);
        }
    }

    /** JetStream stream holding every event. */
    public String streamName() {
        return prefix.isEmpty() ? "GANAKA" : prefix.toUpperCase().replace('-', '_') + "_GANAKA";
    }

    /** Subject filter of the event stream. */
    public String eventSubjects() {
        return scoped("ganaka.events.>");
    }

    public String eventSubject(EventType type) {
        return scoped("ganaka.events." + type.wireName());
    }

    /** NATS core subject for live pushes to one user's dashboards. */
    public String liveSubject(String userId) {
        return scoped("ganaka.live." + userId);
    }

    /** NATS core subject on which sinks announce projected events (for {@code Prefer: wait}). */
    public String projectedSubject() {
        return scoped("ganaka.projected");
    }

    public String topic(Topic topic) {
        return scoped(topic.baseName());
    }

    /** Redis key prefix, ending in ':'. */
    public String redisPrefix() {
        return prefix.isEmpty() ? "ganaka:" : "ganaka:" + prefix + ":";
    }

    /** Kafka consumer group / Streams application id for a role. */
    public String groupId(String role) {
        return prefix.isEmpty() ? "ganaka-" + role : prefix + "-ganaka-" + role;
    }

    /** Durable JetStream consumer name of the bridge. */
    public String bridgeConsumer() {
        return prefix.isEmpty() ? "ganaka-bridge" : prefix + "-ganaka-bridge";
    }

    private String scoped(String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }
}
