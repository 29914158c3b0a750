package io.ganaka.streams.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.schemas.Json;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AlertProfileTest {

    private static AlertProfile parse(String json) throws Exception {
        return AlertProfile.fromPreferences(Json.MAPPER.readTree(json));
    }

    @Test
    void readsTheThresholdDecimalString() throws Exception {
        assertThat(parse("{\"highValueThreshold\":\"500.00\"}").highValueThreshold()).isEqualByComparingTo("500.00");
    }

    @Test
    void aMissingMalformedOrNonPositiveThresholdMeansTheDefault() throws Exception {
        BigDecimal fallback = new BigDecimal("1000");
        assertThat(parse("{}").thresholdOr(fallback)).isEqualTo(fallback);
        assertThat(parse("{\"highValueThreshold\":\"lots\"}").thresholdOr(fallback)).isEqualTo(fallback);
        assertThat(parse("{\"highValueThreshold\":\"0\"}").thresholdOr(fallback)).isEqualTo(fallback);
        assertThat(parse("{\"highValueThreshold\":{}}").thresholdOr(fallback)).isEqualTo(fallback);
        assertThat(AlertProfile.fromPreferences(null).thresholdOr(fallback)).isEqualTo(fallback);
    }
}
