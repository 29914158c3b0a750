package io.ganaka.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlMetricNamesTest {

    @Test
    void findsTheMetricInsideFunctionsAndAggregations() {
        assertThat(PromQlMetricNames.of(
                "sum by (route) (rate(http_server_request_duration_seconds_count{job=~\"$job\"}[5m]))"))
                .containsExactly("http_server_request_duration_seconds_count");
    }

    @Test
    void ignoresLabelNamesValuesGroupingAndNumbers() {
        assertThat(PromQlMetricNames.of("histogram_quantile(0.95, sum by (le, sink) "
                + "(rate(ganaka_pipeline_latency_seconds_bucket{sink=\"expenses\", outcome=~\"a|b\"}[5m])))"))
                .containsExactly("ganaka_pipeline_latency_seconds_bucket");
    }

    @Test
    void findsEveryMetricOfABinaryExpression() {
        assertThat(PromQlMetricNames.of("sum(rate(a_sum[5m])) / sum(rate(a_count[5m])) > bool 2 "
                + "or on (instance) b_total offset 1h and c"))
                .containsExactly("a_count", "a_sum", "b_total", "c");
    }

    @Test
    void aMetricWithoutAnyFunctionIsFound() {
        assertThat(PromQlMetricNames.of("ganaka_ws_connections")).containsExactly("ganaka_ws_connections");
    }
}
