package io.ganaka.testkit;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** Removes everything named after one run's prefix from shared Redis, NATS and Kafka servers, and nothing else. */
final class PrefixCleanup {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private PrefixCleanup() {
    }

    /** Deletes every key starting with {@code keyPrefix}, page by page with SCAN so a big shared Redis never blocks. */
    static void deleteRedisKeys(String redisUrl, String keyPrefix) {
        try (Jedis jedis = new Jedis(URI.create(redisUrl), (int) TIMEOUT.toMillis())) {
            ScanParams match = new ScanParams().match(keyPrefix + "*").count(1000);
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = jedis.scan(cursor, match);
                if (!page.getResult().isEmpty()) {
                    jedis.unlink(page.getResult().toArray(String[]::new));
                }
                cursor = page.getCursor();
            } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        }
    }

    /** Deletes every JetStream stream whose name starts with {@code streamPrefix}. */
    static void deleteStreams(String natsUrl, String streamPrefix)
            throws IOException, InterruptedException, JetStreamApiException {
        Options options = Options.builder().server(natsUrl).connectionTimeout(TIMEOUT).noReconnect().build();
        Connection connection = Nats.connect(options);
        try {
            JetStreamManagement management = connection.jetStreamManagement();
            for (String stream : management.getStreamNames()) {
                if (stream.startsWith(streamPrefix)) {
                    management.deleteStream(stream);
                }
            }
        } finally {
            connection.close();
        }
    }

    /**
     * Deletes the run's topics: "{@code <prefix>.ganaka…}" from {@code Naming}, and Kafka Streams' internal topics,
     * which start with the application id "{@code <prefix>-…}".
     */
    static void deleteTopics(String bootstrapServers, String prefix)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                // The admin client refuses an API timeout shorter than its request timeout (30 s by default).
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        try (Admin admin = Admin.create(config)) {
            Set<String> ours = admin.listTopics().names().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).stream()
                    .filter(topic -> topic.startsWith(prefix + ".") || topic.startsWith(prefix + "-"))
                    .collect(Collectors.toSet());
            if (!ours.isEmpty()) {
                admin.deleteTopics(ours).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        }
    }
}
