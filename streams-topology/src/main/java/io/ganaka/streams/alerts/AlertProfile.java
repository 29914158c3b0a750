package io.ganaka.streams.alerts;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** What the alerts need of a user's preferences: the high-value threshold (null: the settings' default). */
record AlertProfile(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal highValueThreshold) {

    /**
     * The profile in a {@code user.updated} preferences document; a missing, malformed or non-positive
     * {@code highValueThreshold} means "use the default" rather than failing the stream.
     */
    static AlertProfile fromPreferences(JsonNode preferences) {
        JsonNode threshold = preferences == null ? null : preferences.get("highValueThreshold");
        if (threshold == null || threshold.isNull() || !(threshold.isTextual() || threshold.isNumber())) {
            return new AlertProfile(null);
        }
        try {
            BigDecimal value = new BigDecimal(threshold.asText().trim());
            return new AlertProfile(value.signum() > 0 ? value : null);
        } catch (NumberFormatException e) {
            return new AlertProfile(null);
        }
    }

    BigDecimal thresholdOr(BigDecimal fallback) {
        return highValueThreshold == null ? fallback : highValueThreshold;
    }
}
