package io.ganaka.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GanakaConfigTest {

    @Test
    void devRunsWithNoEnvironmentAtAll() {
        GanakaConfig config = GanakaConfig.load(Map.of(), true);

        assertThat(config.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/ganaka?user=postgres&reWriteBatchedInserts=true");
        assertThat(config.kafkaBootstrapServers()).isEmpty();
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.naming().prefix()).isEmpty();
    }

    @Test
    void outsideDevASecretIsRequired() {
        assertThatThrownBy(() -> GanakaConfig.load(Map.of(), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("JWT_SECRET is required");
    }

    @Test
    void outsideDevTheDevSecretIsRefused() {
        assertThatThrownBy(() -> GanakaConfig.load(Map.of("JWT_SECRET", GanakaConfig.DEV_JWT_SECRET), false))
                .hasMessageContaining("public dev secret");
    }

    @Test
    void refusesShortSecrets() {
        assertThatThrownBy(() -> GanakaConfig.load(Map.of("JWT_SECRET", "short"), true))
                .hasMessageContaining("at least 32 bytes");
    }

    @Test
    void reportsEveryProblemAtOnceOneLineEach() {
        Map<String, String> env = Map.of(
                "GANAKA_HTTP_PORT", "eighty",
                "REDIS_URL", "http://x",
                "KAFKA_BOOTSTRAP_SERVERS", "nohost",
                "GANAKA_PREFIX", "Bad.Prefix");

        assertThatThrownBy(() -> GanakaConfig.load(env, true))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(4)
                        .anySatisfy(p -> assertThat(p).startsWith("GANAKA_HTTP_PORT"))
                        .anySatisfy(p -> assertThat(p).startsWith("REDIS_URL"))
                        .anySatisfy(p -> assertThat(p).startsWith("KAFKA_BOOTSTRAP_SERVERS"))
                        .anySatisfy(p -> assertThat(p).startsWith("GANAKA_PREFIX")));
    }

    @Test
    void streamsStandbyReplicasDefaultToNoneAndAreBounded() {
        assertThat(GanakaConfig.load(Map.of(), true).streamsStandbyReplicas()).isZero();
        assertThat(GanakaConfig.load(Map.of("GANAKA_STREAMS_STANDBY_REPLICAS", "1"), true).streamsStandbyReplicas())
                .isEqualTo(1);
        assertThatThrownBy(() -> GanakaConfig.load(Map.of("GANAKA_STREAMS_STANDBY_REPLICAS", "-1"), true))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().startsWith("GANAKA_STREAMS_STANDBY_REPLICAS"));
    }

    @Test
    void minInsyncReplicasDefaultToTwoOrTheReplicationAndMayNotExceedIt() {
        assertThat(GanakaConfig.load(Map.of(), true).kafkaMinInsync()).isEqualTo(1);
        assertThat(GanakaConfig.load(Map.of("GANAKA_KAFKA_REPLICATION", "3"), true).kafkaMinInsync()).isEqualTo(2);
        assertThatThrownBy(() -> GanakaConfig.load(Map.of("GANAKA_KAFKA_MIN_INSYNC", "2"), true))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().startsWith("GANAKA_KAFKA_MIN_INSYNC (2) must not exceed GANAKA_KAFKA_REPLICATION (1)"));
    }

    @Test
    void theEventStreamKeepsAWeekOnOneServerUnlessConfigured() {
        EventStreamSettings defaults = GanakaConfig.load(Map.of(), true).eventStream();
        assertThat(defaults).isEqualTo(EventStreamSettings.SINGLE_SERVER);
        assertThat(defaults.maxAge()).isEqualTo(Duration.ofDays(7));
        assertThat(defaults.maxBytes()).isEqualTo(EventStreamSettings.UNLIMITED_BYTES);
        EventStreamSettings set = GanakaConfig.load(Map.of("GANAKA_NATS_REPLICAS", "3",
                "GANAKA_STREAM_MAX_AGE_HOURS", "48", "GANAKA_STREAM_MAX_MB", "100"), true).eventStream();
        assertThat(set).isEqualTo(new EventStreamSettings(3, Duration.ofHours(48), 100L << 20));
        assertThatThrownBy(() -> GanakaConfig.load(Map.of("GANAKA_NATS_REPLICAS", "7"), true))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().startsWith("GANAKA_NATS_REPLICAS"));
    }

    @Test
    void natsUrlMayListTheServersOfACluster() {
        String cluster = "nats://n1:4222,nats://n2:4222,nats://n3:4222";
        assertThat(GanakaConfig.load(Map.of("NATS_URL", cluster), true).natsUrl()).isEqualTo(cluster);
        assertThatThrownBy(() -> GanakaConfig.load(Map.of("NATS_URL", "nats://n1:4222,http://n2:4222"), true))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().contains("http://n2:4222"));
    }

    @Test
    void loadLimitsHaveShortDefaultsAndAreBounded() {
        LoadLimits limits = GanakaConfig.load(Map.of(), true).limits();
        assertThat(limits.http()).isEqualTo(io.ganaka.api.HttpLimits.DEFAULTS);
        assertThat(limits.publishTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(limits.dbConnectionTimeout()).isEqualTo(Duration.ofSeconds(2));
        LoadLimits set = GanakaConfig.load(Map.of("GANAKA_HTTP_MAX_CONCURRENT", "10", "GANAKA_HTTP_MAX_QUEUED", "0",
                "GANAKA_HTTP_QUEUE_WAIT_MS", "50", "GANAKA_PUBLISH_MAX_IN_FLIGHT", "1"), true).limits();
        assertThat(set.http()).isEqualTo(new io.ganaka.api.HttpLimits(10, 0, Duration.ofMillis(50), 20_000));
        assertThat(set.publishMaxInFlight()).isEqualTo(1);
        assertThatThrownBy(() -> GanakaConfig.load(Map.of("GANAKA_DB_CONNECTION_TIMEOUT_MS", "100",
                "GANAKA_HTTP_MAX_CONCURRENT", "0"), true))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(2));
    }

    @Test
    void theSinksSessionTimeoutDefaultsToKafkasAndIsBoundedByTheBrokersLimits() {
        assertThat(GanakaConfig.load(Map.of(), true).sinksSessionTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(GanakaConfig.load(Map.of("GANAKA_SINKS_SESSION_TIMEOUT_MS", "6000"), true).sinksSessionTimeout())
                .isEqualTo(Duration.ofSeconds(6));
        assertThatThrownBy(() -> GanakaConfig.load(Map.of("GANAKA_SINKS_SESSION_TIMEOUT_MS", "1000"), true))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().startsWith("GANAKA_SINKS_SESSION_TIMEOUT_MS"));
    }

    @Test
    void theBridgeAckWaitIsAMinuteUnlessSetAndNeverShorterThanTheBridgeAccepts() {
        assertThat(GanakaConfig.load(Map.of(), true).bridgeAckWait()).isEqualTo(Duration.ofSeconds(60));
        assertThat(GanakaConfig.load(Map.of("GANAKA_BRIDGE_ACK_WAIT_SECONDS", "10"), true).bridgeAckWait())
                .isEqualTo(Duration.ofSeconds(10));
        assertThatThrownBy(() -> GanakaConfig.load(Map.of("GANAKA_BRIDGE_ACK_WAIT_SECONDS", "4"), true))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().startsWith("GANAKA_BRIDGE_ACK_WAIT_SECONDS"));
    }

    @Test
    void theMetricsPortIsOffUnlessSet() {
        assertThat(GanakaConfig.load(Map.of(), true).metricsPort()).isEmpty();
        assertThat(GanakaConfig.load(Map.of("GANAKA_METRICS_PORT", " 9464 "), true).metricsPort()).hasValue(9464);
        assertThat(GanakaConfig.load(Map.of("GANAKA_METRICS_PORT", "0"), true).metricsPort()).hasValue(0);
    }

    @Test
    void refusesAMetricsPortThatIsNotAPort() {
        assertThatThrownBy(() -> GanakaConfig.load(Map.of("GANAKA_METRICS_PORT", "70000", "GANAKA_HTTP_PORT", "x"),
                true))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "GANAKA_METRICS_PORT must be between 0 and 65535, got 70000",
                        "GANAKA_HTTP_PORT must be a whole number, got 'x'"));
        assertThatThrownBy(() -> GanakaConfig.load(Map.of("GANAKA_METRICS_PORT", "metrics"), true))
                .hasMessageContaining("GANAKA_METRICS_PORT must be a whole number");
    }

    @Test
    void corsOriginsDefaultToNone() {
        assertThat(GanakaConfig.load(Map.of(), true).corsOrigins()).isEmpty();
    }

    @Test
    void corsOriginsAreReadAsACommaSeparatedListOfExactOrigins() {
        GanakaConfig config = GanakaConfig.load(
                Map.of("CORS_ORIGINS", " http://localhost:5173, https://app.example.org ,,http://localhost:5173"), true);

        assertThat(config.corsOrigins()).containsExactly("http://localhost:5173", "https://app.example.org");
    }

    @Test
    void corsOriginsRefuseWildcardsNullAndPaths() {
        assertThatThrownBy(() -> GanakaConfig.load(
                Map.of("CORS_ORIGINS", "*,null,https://app.example.org/,ftp://x.org,https://ok.example.org"), true))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(4)
                        .allSatisfy(p -> assertThat(p).startsWith("CORS_ORIGINS")));
    }

    @Test
    void acceptsPostgresUrisAndConvertsThemToJdbc() {
        var problems = new ArrayList<String>();

        assertThat(GanakaConfig.toJdbcUrl("postgres://app:s%40cret@db.local:5433/ganaka?sslmode=require", problems))
                .contains("jdbc:postgresql://db.local:5433/ganaka?user=app&password=s%40cret&sslmode=require"
                        + "&reWriteBatchedInserts=true");
        assertThat(problems).isEmpty();
    }

    @Test
    void keepsAnExplicitBatchRewriteSetting() {
        assertThat(GanakaConfig.toJdbcUrl("jdbc:postgresql://h/db?reWriteBatchedInserts=false", new ArrayList<>()))
                .contains("jdbc:postgresql://h/db?reWriteBatchedInserts=false");
    }

    @Test
    void webhooksMayReachPrivateTargetsInDevOnlyUnlessConfigured() {
        assertThat(GanakaConfig.load(Map.of(), true).webhooksAllowPrivate()).isTrue();
        assertThat(GanakaConfig.load(Map.of("JWT_SECRET", "x".repeat(32)), false).webhooksAllowPrivate()).isFalse();
        assertThat(GanakaConfig.load(Map.of("JWT_SECRET", "x".repeat(32), "GANAKA_WEBHOOKS_ALLOW_PRIVATE", "TRUE"),
                false).webhooksAllowPrivate()).isTrue();
        assertThat(GanakaConfig.load(Map.of("GANAKA_WEBHOOKS_ALLOW_PRIVATE", "false"), true).webhooksAllowPrivate())
                .isFalse();
    }

    @Test
    void webhooksAllowPrivateMustBeTrueOrFalse() {
        assertThatThrownBy(() -> GanakaConfig.load(Map.of("GANAKA_WEBHOOKS_ALLOW_PRIVATE", "yes"), true))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("GANAKA_WEBHOOKS_ALLOW_PRIVATE must be true or false, got 'yes'");
    }
}
