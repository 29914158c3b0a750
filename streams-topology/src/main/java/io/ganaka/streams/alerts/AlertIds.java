package io.ganaka.streams.alerts;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Alert ids derived from their cause, so a replay of the same input raises the same id and consumers can dedupe. */
final class AlertIds {

    private AlertIds() {}

    static String of(String... cause) {
        return UUID.nameUUIDFromBytes(("ganaka/alert/" + String.join("|", cause)).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
