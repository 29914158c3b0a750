package io.ganaka.app.metrics;

import java.util.regex.Pattern;
import org.apache.kafka.common.MetricName;

/**
 * How a Kafka metric is named in Prometheus: {@code <namespace>_<group>_<name>} with the group's {@code -metrics}
 * suffix dropped, and with the group's first word dropped when it repeats the name space's last word, so the
 * producer's {@code producer-metrics/record-send-total} is {@code kafka_producer_record_send_total} and a stream
 * thread's {@code stream-thread-metrics/process-total} is {@code kafka_streams_stream_thread_process_total}.
 */
final class KafkaMetricNames {

    private static final Pattern INVALID = Pattern.compile("[^a-zA-Z0-9_]");
    private static final Pattern REPEATED_UNDERSCORES = Pattern.compile("__+");

    private KafkaMetricNames() {}

    static String metricName(String namespace, MetricName name) {
        String group = name.group().endsWith("-metrics")
                ? name.group().substring(0, name.group().length() - "-metrics".length())
                : name.group();
        group = sanitize(group);
        String lastWord = namespace.substring(namespace.lastIndexOf('_') + 1);
        if (group.equals(lastWord)) {
            group = "";
        } else if (group.startsWith(lastWord + "_")) {
            group = group.substring(lastWord.length() + 1);
        }
        return sanitize(namespace + "_" + group + "_" + name.name());
    }

    /** A tag such as {@code thread-id} as a label name ({@code thread_id}). */
    static String labelName(String tag) {
        String label = sanitize(tag);
        // Names starting with "__" are reserved for Prometheus itself.
        return label.startsWith("_") ? "tag" + label : label;
    }

    /** Letters, digits and single underscores only, not starting with a digit. */
    static String sanitize(String raw) {
        String name = REPEATED_UNDERSCORES.matcher(INVALID.matcher(raw).replaceAll("_")).replaceAll("_");
        if (name.endsWith("_")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
            name = "_" + name;
        }
        return name;
    }
}
