package io.ganaka.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

// The NATS connection's close() may throw InterruptedException; a test simply fails then.
@SuppressWarnings("try")
class TestEnvironmentIT {

    @Test
    void closeRemovesTheDatabaseTheKeysTheStreamsAndTheBroker() throws Exception {
        TestEnvironment env = TestEnvironment.start();
        String streamName = env.prefix().toUpperCase() + "_GANAKA";
        String outsideKey = "ganaka:" + env.prefix() + "x:control";
        String subNamespaceKeys = "ganaka:" + env.prefix() + "-sub:";
        PostgresServer server;
        String redisUrl = env.redisUrl();
        String natsUrl = env.natsUrl();
        Path brokerDir;
        try {
            server = maintenanceOf(env.jdbcUrl());
            try (Connection db = DriverManager.getConnection(env.jdbcUrl()); Statement sql = db.createStatement()) {
                sql.execute("CREATE TABLE probe (id int PRIMARY KEY)");
                sql.execute("INSERT INTO probe VALUES (1)");
            }
            try (Jedis redis = new Jedis(URI.create(redisUrl))) {
                for (int i = 0; i < 1500; i++) {
                    redis.set(env.redisKeyPrefix() + "k" + i, "v");
                }
                redis.set(outsideKey, "kept");
                redis.set(subNamespaceKeys + "k", "v");
                redis.set("ganaka:" + env.prefix() + "_dev:k", "v");
            }
            try (var nats = Nats.connect(natsUrl)) {
                nats.jetStreamManagement().addStream(StreamConfiguration.builder()
                        .name(streamName).subjects(env.prefix() + ".ganaka.events.>").storageType(StorageType.Memory).build());
            }
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, env.kafkaBootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(env.prefix() + ".ganaka.expenses", 1, (short) 1)))
                        .all().get(30, TimeUnit.SECONDS);
            }
            brokerDir = env.embeddedBrokerDir().orElse(null);
            assertThat(server.databaseExists(env.databaseName())).isTrue();
        } finally {
            env.close();
        }

        assertThat(server.databaseExists(env.databaseName())).isFalse();
        try (Jedis redis = new Jedis(URI.create(redisUrl))) {
            assertThat(redis.keys(env.redisKeyPrefix() + "*")).isEmpty();
            assertThat(redis.keys(subNamespaceKeys + "*")).isEmpty();
            assertThat(redis.keys("ganaka:" + env.prefix() + "_dev:*")).isEmpty();
            assertThat(redis.get(outsideKey)).isEqualTo("kept");
            redis.del(outsideKey);
        }
        try (var nats = Nats.connect(natsUrl)) {
            JetStreamManagement management = nats.jetStreamManagement();
            assertThat(management.getStreamNames()).doesNotContain(streamName);
        }
        if (brokerDir != null) {
            assertThat(Files.exists(brokerDir)).isFalse();
        }
    }

    @Test
    void theRunDatabaseIsCreatedEmptyAndNamedAfterThePrefix() throws Exception {
        try (TestEnvironment env = TestEnvironment.start()) {
            assertThat(env.prefix()).matches("t[0-9a-f]{10}");
            assertThat(env.jdbcUrl()).contains("/ganaka_" + env.prefix());
            assertThat(env.redisKeyPrefix()).isEqualTo("ganaka:" + env.prefix() + ":");

            try (Connection db = DriverManager.getConnection(env.jdbcUrl());
                 Statement sql = db.createStatement();
                 ResultSet tables = sql.executeQuery(
                         "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
                tables.next();
                assertThat(tables.getInt(1)).isZero();
            }
        }
    }

    @Test
    void closeDropsTheDatabaseEvenWhileConnectionsAreOpen() throws Exception {
        TestEnvironment env = TestEnvironment.start();
        PostgresServer server = maintenanceOf(env.jdbcUrl());
        try (Connection lingering = DriverManager.getConnection(env.jdbcUrl())) {
            env.close();

            assertThat(server.databaseExists(env.databaseName())).isFalse();
            assertThat(lingering.isValid(2)).isFalse();
        }
    }

    @Test
    void twoEnvironmentsNeverShareAPrefixOrADatabase() {
        try (TestEnvironment first = TestEnvironment.start(); TestEnvironment second = TestEnvironment.start()) {
            assertThat(first.prefix()).isNotEqualTo(second.prefix());
            assertThat(first.jdbcUrl()).isNotEqualTo(second.jdbcUrl());
        }
    }

    @Test
    void theSharedEnvironmentIsOnePerJvm() {
        assertThat(TestEnvironment.shared()).isSameAs(TestEnvironment.shared());
        assertThat(TestEnvironment.shared().isClosed()).isFalse();
    }

    @Test
    void closingIsIdempotentAndAClosedEnvironmentRefusesToHandOutServices() {
        TestEnvironment env = TestEnvironment.start();
        env.close();
        env.close();

        assertThatThrownBy(env::jdbcUrl).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(env::kafkaBootstrapServers).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aKafkaFromTheEnvironmentIsUsedAsIsAndLosesOnlyThisRunsTopicsOnClose() throws Exception {
        try (EmbeddedKafkaBroker external = EmbeddedKafkaBroker.start()) {
            String bootstrap = external.bootstrapServers();
            TestEnvironment env = new TestEnvironment("t" + Long.toHexString(System.nanoTime()),
                    ServiceSources.resolve(Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrap), () -> false));
            String otherRunsTopic = "x" + env.prefix() + ".ganaka.expenses";
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                assertThat(env.kafkaBootstrapServers()).isEqualTo(bootstrap);
                assertThat(env.embeddedBrokerDir()).isEmpty();
                admin.createTopics(List.of(
                        new NewTopic(env.prefix() + ".ganaka.expenses", 1, (short) 1),
                        new NewTopic(env.prefix() + "-ganaka-streams-totals-changelog", 1, (short) 1),
                        new NewTopic(otherRunsTopic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);

                env.close();

                Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).containsExactly(otherRunsTopic));
            }
        }
    }

    private static PostgresServer maintenanceOf(String jdbcUrl) {
        PostgresServer run = PostgresServer.parse(jdbcUrl);
        return new PostgresServer(run.hosts(), "postgres", run.query());
    }
}
