package io.ganaka.bench;

import io.ganaka.testkit.EmbeddedKafkaBroker;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/**
 * The raw capacity of each stage the pipeline is built from, measured with the same settings the roles use and a
 * message the size of an {@code expense.added} event. Every probe writes under scratch names of its own
 * ({@code bench_stage_<run>}) and removes them afterwards.
 */
final class StageProbes {

    /** Writes kept unanswered at once by the asynchronous probes, as the API's publisher and the bridge do. */
    private static final int WINDOW = 1_000;
    private static final int ROWS_PER_STATEMENT = 500;

    /** One probe's figure. */
    record Figure(String stage, long messages, double seconds) {
        double perSecond() {
            return Report.perSecond(messages, seconds);
        }
    }

    private final BenchOptions options;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final byte[] payload = samplePayload();

    StageProbes(BenchOptions options) {
        this.options = options;
    }

    void run() throws Exception {
        int n = options.messages();
        List<Figure> figures = new ArrayList<>();
        System.out.printf("stages: %,d messages of %d bytes each; scratch names bench_stage_%s%n", n, payload.length,
                run);
        figures.add(report(jetStream(n)));
        figures.add(report(kafka(n)));
        figures.add(report(postgres(n)));
        figures.add(report(redis(n)));
        Table table = new Table("stage", "messages", "seconds", "per s");
        figures.forEach(f -> table.row(f.stage(), f.messages(), f.seconds(), f.perSecond()));
        System.out.println();
        System.out.println(table.render());
    }

    private static Figure report(Figure f) {
        System.out.printf(Locale.ROOT, "  %-40s %,12.0f /s%n", f.stage(), f.perSecond());
        return f;
    }

    @SuppressWarnings("try") // jnats' Connection.close() may throw InterruptedException, which is passed on
    Figure jetStream(int n) throws Exception {
        String name = "bench_stage_" + run;
        String subject = "bench.stage." + run;
        try (Connection nats = Nats.connect(options.natsUrl())) {
            JetStreamManagement jsm = nats.jetStreamManagement();
            jsm.addStream(StreamConfiguration.builder().name(name).subjects(subject)
                    .storageType(StorageType.File).build());
            try {
                JetStream js = nats.jetStream();
                long start = System.nanoTime();
                List<CompletableFuture<PublishAck>> window = new ArrayList<>(WINDOW);
                for (int i = 0; i < n; i++) {
                    window.add(js.publishAsync(subject, payload));
                    if (window.size() == WINDOW) {
                        CompletableFuture.allOf(window.toArray(CompletableFuture[]::new)).join();
                        window.clear();
                    }
                }
                CompletableFuture.allOf(window.toArray(CompletableFuture[]::new)).join();
                return new Figure("JetStream async publish (file, acked)", n, seconds(start));
            } finally {
                jsm.deleteStream(name);
            }
        }
    }

    Figure kafka(int n) throws Exception {
        EmbeddedKafkaBroker own = options.kafkaBootstrap() == null ? EmbeddedKafkaBroker.start() : null;
        String bootstrap = own != null ? own.bootstrapServers() : options.kafkaBootstrap();
        String topic = "bench_stage_" + run;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps(bootstrap))) {
                long start = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    producer.send(new ProducerRecord<>(topic, "user-" + (i % 1000), payload));
                }
                producer.flush();
                String where = own != null ? "embedded broker" : "KAFKA_BOOTSTRAP_SERVERS";
                return new Figure("Kafka produce (idempotent, acks=all, " + where + ")", n, seconds(start));
            } finally {
                admin.deleteTopics(List.of(topic)).all().get();
            }
        } finally {
            if (own != null) {
                own.close();
            }
        }
    }

    private static Properties producerProps(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return p;
    }

    Figure postgres(int n) throws Exception {
        String table = "bench_stage_" + run;
        try (java.sql.Connection c = BenchUsers.dataSource(options.databaseUrl()).getConnection();
             Statement ddl = c.createStatement()) {
            ddl.execute("CREATE TABLE " + table + " (user_id UUID NOT NULL, id UUID NOT NULL, version BIGINT NOT NULL,"
                    + " amount NUMERIC(12, 2), description TEXT, occurred_at TIMESTAMPTZ, PRIMARY KEY (user_id, id))");
            try (PreparedStatement upsert = c.prepareStatement(upsertSql(table, ROWS_PER_STATEMENT))) {
                UUID[] users = new UUID[1000];
                for (int i = 0; i < users.length; i++) {
                    users[i] = UUID.randomUUID();
                }
                Timestamp now = Timestamp.from(Instant.now());
                long start = System.nanoTime();
                for (int done = 0; done < n; done += ROWS_PER_STATEMENT) {
                    for (int r = 0; r < ROWS_PER_STATEMENT; r++) {
                        int p = r * 6;
                        upsert.setObject(p + 1, users[(done + r) % users.length]);
                        upsert.setObject(p + 2, UUID.randomUUID());
                        upsert.setLong(p + 3, 1);
                        upsert.setBigDecimal(p + 4, new java.math.BigDecimal("12.34"));
                        upsert.setString(p + 5, "bench stage " + (done + r));
                        upsert.setTimestamp(p + 6, now);
                    }
                    upsert.executeUpdate();
                }
                long rows = ((n + ROWS_PER_STATEMENT - 1) / ROWS_PER_STATEMENT) * (long) ROWS_PER_STATEMENT;
                return new Figure("Postgres upsert (" + ROWS_PER_STATEMENT + " rows a statement)", rows,
                        seconds(start));
            } finally {
                ddl.execute("DROP TABLE " + table);
            }
        }
    }

    /** One {@code INSERT ... ON CONFLICT DO UPDATE} of {@code rows} rows, as the expenses sink writes a batch. */
    static String upsertSql(String table, int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO " + table
                + " (user_id, id, version, amount, description, occurred_at) VALUES ");
        for (int r = 0; r < rows; r++) {
            sql.append(r == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?)");
        }
        return sql.append(" ON CONFLICT (user_id, id) DO UPDATE SET version = EXCLUDED.version,"
                + " amount = EXCLUDED.amount, description = EXCLUDED.description,"
                + " occurred_at = EXCLUDED.occurred_at WHERE " + table + ".version < EXCLUDED.version").toString();
    }

    Figure redis(int n) {
        String prefix = "bench_stage_" + run + ":";
        try (Jedis jedis = new Jedis(URI.create(options.redisUrl()))) {
            long start = System.nanoTime();
            Pipeline pipeline = jedis.pipelined();
            for (int i = 0; i < n; i++) {
                pipeline.hset(prefix + (i % 1000), "expense-" + i, new String(payload, StandardCharsets.UTF_8));
                if (i % WINDOW == WINDOW - 1) {
                    pipeline.sync();
                }
            }
            pipeline.sync();
            Figure figure = new Figure("Redis pipelined HSET (" + WINDOW + " a round trip)", n, seconds(start));
            for (int i = 0; i < 1000; i++) {
                pipeline.del(prefix + i);
            }
            pipeline.sync();
            return figure;
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** About the size of an {@code expense.added} event as the API publishes it. */
    private static byte[] samplePayload() {
        String json = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"expense.added\",\"userId\":\""
                + UUID.randomUUID() + "\",\"occurredAt\":\"" + Instant.now() + "\",\"correlationId\":\""
                + UUID.randomUUID() + "\",\"payload\":{\"expenseId\":\"" + UUID.randomUUID()
                + "\",\"amount\":\"12.34\",\"currency\":\"EUR\",\"description\":\"Espresso at the station\","
                + "\"merchant\":\"Cafe\",\"occurredAt\":\"" + Instant.now() + "\",\"categoryId\":null,\"tags\":[],"
                + "\"notes\":null}}";
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
