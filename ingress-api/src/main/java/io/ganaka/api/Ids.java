package io.ganaka.api;

import java.util.Optional;
import java.util.UUID;

/** Reads ids from paths strictly: only the canonical 36-character UUID form, never UUID.fromString's lenient ones. */
public final class Ids {

    private Ids() {}

    /** The UUID written in {@code text}, or empty for anything else (which callers answer as "not found"). */
    public static Optional<UUID> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(text);
            return id.toString().equalsIgnoreCase(text) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
