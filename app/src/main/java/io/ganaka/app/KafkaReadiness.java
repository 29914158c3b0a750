package io.ganaka.app;

import io.ganaka.api.health.ReadinessCheck;
import io.ganaka.app.metrics.ThrottledSample;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Whether the Kafka cluster answers, for {@code /ready}: a {@code describeCluster} with a short timeout over one admin
 * client kept open, its answer reused for a moment so that frequent probes do not each ask the cluster.
 */
public final class KafkaReadiness implements ReadinessCheck, AutoCloseable {

    /** Below the 2 s deadline of every readiness check, so the answer arrives before the check is abandoned. */
    private static final Duration TIMEOUT = Duration.ofMillis(1_500);
    private static final Duration REUSE = Duration.ofSeconds(2);

    private final Admin admin;
    private final ThrottledSample<Boolean> answer;

    public KafkaReadiness(String bootstrapServers, String clientId) {
        admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, clientId,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis()));
        answer = new ThrottledSample<>(this::ask, REUSE);
    }

    @Override
    public boolean answers() {
        return answer.get().orElse(false);
    }

    private Boolean ask() {
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
                    .nodes().get(TIMEOUT.toMillis() + 200, TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            // No broker answered in time (or the cluster refused us): not ready.
            return false;
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
