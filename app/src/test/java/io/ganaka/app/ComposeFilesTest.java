package io.ganaka.app;

import static io.ganaka.app.ComposeFiles.environment;
import static io.ganaka.app.ComposeFiles.list;
import static io.ganaka.app.ComposeFiles.map;
import static io.ganaka.app.ComposeFiles.services;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml, docker-compose.dev.yml and the files they mount, checked against what the program reads: Docker
 * is not needed to run this, so the deployment files cannot drift from the code unnoticed.
 */
class ComposeFilesTest {

    private static final String COMPOSE = "docker-compose.yml";
    private static final String DEV = "docker-compose.dev.yml";
    private static final Set<String> DEV_INFRASTRUCTURE = Set.of("postgres", "redis", "nats", "kafka");
    private static final List<String> NATS_NODES = List.of("nats-1", "nats-2", "nats-3");
    private static final List<String> KAFKA_NODES = List.of("kafka-1", "kafka-2", "kafka-3");
    private static final Set<String> INFRASTRUCTURE = Set.of("postgres", "redis", "nats-1", "nats-2", "nats-3",
            "kafka-1", "kafka-2", "kafka-3");
    /** NATS from this release on: {@code sync_interval: always} and the clustered JetStream fixes it relies on. */
    private static final List<Integer> MIN_NATS = List.of(2, 12);
    private static final Map<String, String> SECRETS = Map.of("JWT_SECRET", "a-test-secret-that-is-long-enough-for-hs256");

    @Test
    void everyImageIsPinnedToAVersion() throws IOException {
        for (String file : List.of(COMPOSE, DEV)) {
            services(file).forEach((name, service) -> {
                String image = ComposeFiles.interpolate(String.valueOf(service.get("image")), Map.of());
                String tag = image.substring(image.lastIndexOf('/') + 1);
                assertThat(tag).as("%s %s image", file, name).matches("[^:]+:[0-9v][A-Za-z0-9._-]*");
                assertThat(tag).as("%s %s image", file, name).doesNotContain("latest");
            });
        }
    }

    @Test
    void composeRunsEveryRoleAsItsOwnServiceFromTheGanakaImage() throws IOException {
        var services = services(COMPOSE);
        for (Role role : Role.values()) {
            Map<String, Object> service = services.get(role.cliName());
            assertThat(service).as("service %s", role.cliName()).isNotNull();
            assertThat(service.get("command")).isEqualTo(List.of(role.cliName()));
            assertThat((String) service.get("image")).startsWith("ganaka:");
        }
        assertThat(services.get("migrate").get("command")).isEqualTo(List.of("migrate"));
        assertThat(services.keySet()).containsAll(INFRASTRUCTURE)
                .contains("prometheus", "grafana", "loki", "promtail");
    }

    @Test
    void ganakaServicesNameOnlyVariablesTheProgramReadsAndTheirValuesLoad() throws IOException {
        ganakaServices().forEach((name, service) -> {
            Map<String, String> env = environment(service, SECRETS);
            assertThat(env.keySet()).as("environment of %s", name).isSubsetOf(GanakaConfig.KEYS);
            // The same check the process makes at start-up, before it opens anything.
            GanakaConfig config = GanakaConfig.load(env, false, !name.equals("migrate"));
            assertThat(config.kafkaBootstrapServers()).isPresent();
        });
    }

    @Test
    void ganakaServicesReachTheInfrastructureByServiceName() throws IOException {
        var services = services(COMPOSE);
        GanakaConfig api = GanakaConfig.load(environment(services.get("api"), SECRETS), false);
        assertThat(URI.create(api.jdbcUrl().substring("jdbc:".length())).getHost()).isEqualTo("postgres");
        assertThat(URI.create(api.redisUrl()).getHost()).isEqualTo("redis");
        assertThat(Pattern.compile(",").splitAsStream(api.natsUrl()).map(u -> URI.create(u).getHost()))
                .containsExactlyElementsOf(NATS_NODES);
        assertThat(api.kafkaBootstrapServers())
                .contains(KAFKA_NODES.stream().map(n -> n + ":9092").collect(Collectors.joining(",")));
        for (String broker : KAFKA_NODES) {
            assertThat(map(services.get(broker), "environment").get("KAFKA_ADVERTISED_LISTENERS"))
                    .isEqualTo("PLAINTEXT://" + broker + ":9092");
        }
    }

    @Test
    void productionNatsIsAThreeServerClusterOfARecentReleaseThatSyncsEveryWrite() throws IOException {
        var services = services(COMPOSE);
        String conf = Files.readString(ComposeFiles.root().resolve("nats/cluster.conf"));
        assertThat(conf).contains("sync_interval: always", "server_name: $NATS_SERVER_NAME", "jetstream");
        Set<String> names = new HashSet<>();
        for (String node : NATS_NODES) {
            Map<String, Object> service = services.get(node);
            List<Integer> release = natsRelease(String.valueOf(service.get("image")));
            assertThat(atLeast(release, MIN_NATS)).as("%s release %s >= %s", node, release, MIN_NATS).isTrue();
            assertThat(list(service, "command")).as(node).contains("-js", "/etc/nats/cluster.conf");
            assertThat(list(service, "volumes")).as(node).contains("./nats/cluster.conf:/etc/nats/cluster.conf:ro");
            names.add(String.valueOf(map(service, "environment").get("NATS_SERVER_NAME")));
            // The routes name every server of the cluster.
            assertThat(conf).contains("nats://" + node + ":6222");
        }
        assertThat(names).as("server names").hasSize(NATS_NODES.size());
        // Each node keeps its own store.
        assertThat(NATS_NODES.stream().map(n -> String.valueOf(list(services.get(n), "volumes").get(1))).distinct())
                .hasSize(NATS_NODES.size());
        ganakaServices().forEach((name, service) -> {
            if (!name.equals("migrate")) {
                assertThat(GanakaConfig.load(environment(service, SECRETS), false).eventStream().replicas())
                        .as("stream replicas of %s", name).isEqualTo(3);
            }
        });
    }

    @Test
    void productionKafkaIsThreeBrokersReplicatingEveryTopicThreeTimesWithTwoInSync() throws IOException {
        var services = services(COMPOSE);
        Set<Object> nodeIds = new HashSet<>();
        Set<Object> clusterIds = new HashSet<>();
        for (String broker : KAFKA_NODES) {
            Map<String, Object> service = services.get(broker);
            assertThat(String.valueOf(service.get("image"))).as(broker).startsWith("apache/kafka:");
            Map<String, String> env = environment(service, Map.of());
            nodeIds.add(env.get("KAFKA_NODE_ID"));
            clusterIds.add(env.get("CLUSTER_ID"));
            assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS"))
                    .isEqualTo("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093");
            assertThat(env).as(broker)
                    .containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2")
                    .containsEntry("KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE", "false")
                    .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "2");
        }
        assertThat(nodeIds).containsExactlyInAnyOrder("1", "2", "3");
        assertThat(clusterIds).hasSize(1).doesNotContain("", "null");
        ganakaServices().forEach((name, service) -> {
            if (!name.equals("migrate")) {
                GanakaConfig config = GanakaConfig.load(environment(service, SECRETS), false);
                assertThat(config.kafkaReplicationFactor()).as("replication of %s", name).isEqualTo((short) 3);
                assertThat(config.kafkaMinInsync()).as("min ISR of %s", name).isEqualTo(2);
            }
        });
    }

    @Test
    void everyLongRunningServiceHasAHealthCheckAndRolesProbeThePortTheyServe() throws IOException {
        var services = services(COMPOSE);
        services.forEach((name, service) -> {
            if (!name.equals("migrate")) {
                assertThat(list(map(service, "healthcheck"), "test")).as("health check of %s", name).isNotEmpty();
            }
        });
        for (Role role : Role.values()) {
            Map<String, Object> service = services.get(role.cliName());
            List<Object> test = list(map(service, "healthcheck"), "test");
            int port = scrapePort(role.cliName(), service);
            assertThat(test).as("health check of %s", role.cliName())
                    .containsExactly("CMD", "healthcheck.sh", String.valueOf(port),
                            role == Role.API ? "/health" : "/-/healthy");
        }
    }

    @Test
    void rolesStartAfterTheMigrationAndHealthyInfrastructure() throws IOException {
        var services = services(COMPOSE);
        for (Role role : Role.values()) {
            Map<String, Object> dependsOn = map(services.get(role.cliName()), "depends_on");
            assertThat(condition(dependsOn, "migrate")).isEqualTo("service_completed_successfully");
            for (String infrastructure : INFRASTRUCTURE) {
                assertThat(condition(dependsOn, infrastructure)).as("%s on %s", role, infrastructure)
                        .isEqualTo("service_healthy");
            }
        }
        services.forEach((name, service) -> map(service, "depends_on").forEach((dependency, how) -> {
            assertThat(services).as("%s depends on %s", name, dependency).containsKey(dependency);
            if ("service_healthy".equals(condition(map(service, "depends_on"), dependency))) {
                assertThat(services.get(dependency)).as("%s, awaited healthy", dependency).containsKey("healthcheck");
            }
        }));
    }

    @Test
    void prometheusScrapesEveryRoleOnItsMetricsPortUnderAJobPerRole() throws IOException {
        var services = services(COMPOSE);
        Map<String, String> targets = new HashMap<>();
        for (Object job : list(ComposeFiles.yaml("prometheus/prometheus.yml"), "scrape_configs")) {
            @SuppressWarnings("unchecked") Map<String, Object> config = (Map<String, Object>) job;
            for (Object staticConfig : list(config, "static_configs")) {
                @SuppressWarnings("unchecked") Map<String, Object> sc = (Map<String, Object>) staticConfig;
                list(sc, "targets").forEach(t -> targets.put(String.valueOf(t), (String) config.get("job_name")));
            }
        }
        for (Role role : Role.values()) {
            String target = role.cliName() + ":" + scrapePort(role.cliName(), services.get(role.cliName()));
            assertThat(targets).as("scrape target %s", target).containsEntry(target, "ganaka-" + role.cliName());
        }
        targets.keySet().stream().map(t -> t.substring(0, t.indexOf(':')))
                .filter(host -> !host.equals("localhost"))
                .forEach(host -> assertThat(services).as("scraped service %s", host).containsKey(host));
    }

    @Test
    void promtailLabelsLinesWithTheJobsPrometheusUses() throws IOException {
        String promtail = Files.readString(ComposeFiles.root().resolve("promtail/promtail.yml"));
        assertThat(promtail).contains("replacement: ganaka-$1", "correlationId: mdc.correlationId",
                "structured_metadata:", "values: [\"logging=promtail\"]");
        ganakaServices().forEach((name, service) ->
                assertThat(map(service, "labels")).as("labels of %s", name).containsEntry("logging", "promtail"));
    }

    @Test
    void mountedFilesExistAndGrafanaFindsItsProvisioningAndDashboards() throws IOException {
        var services = services(COMPOSE);
        List<String> mounts = new ArrayList<>();
        for (String file : List.of(COMPOSE, DEV)) {
            services(file).values().forEach(s -> list(s, "volumes").forEach(v -> mounts.add(String.valueOf(v))));
        }
        mounts.stream().filter(m -> m.startsWith("./"))
                .map(m -> m.substring(2, m.indexOf(':')))
                .forEach(path -> assertThat(ComposeFiles.root().resolve(path)).as(path).exists());

        List<Object> grafana = list(services.get("grafana"), "volumes");
        assertThat(grafana).contains("./grafana/provisioning:/etc/grafana/provisioning:ro");
        @SuppressWarnings("unchecked")
        Map<String, Object> provider = (Map<String, Object>) list(
                ComposeFiles.yaml("grafana/provisioning/dashboards/ganaka.yml"), "providers").get(0);
        assertThat(grafana).contains("./grafana/dashboards:" + map(provider, "options").get("path") + ":ro");
        assertThat(map(services.get("grafana"), "environment")).containsKeys("PROMETHEUS_URL", "LOKI_URL");
    }

    @Test
    void streamsKeepsItsStateOnAVolumeWhereItsConfigurationPutsIt() throws IOException {
        Map<String, Object> streams = services(COMPOSE).get("streams");
        GanakaConfig config = GanakaConfig.load(environment(streams, SECRETS), false);
        assertThat(list(streams, "volumes")).contains("streams-state:" + config.stateDir().orElseThrow());
    }

    @Test
    void devNatsRunsJetStreamOfTheSameReleaseWithEveryWriteSyncedToDisk() throws IOException {
        Map<String, Object> nats = services(DEV).get("nats");
        assertThat(list(nats, "command")).contains("-js");
        assertThat(natsRelease(String.valueOf(nats.get("image"))))
                .isEqualTo(natsRelease(String.valueOf(services(COMPOSE).get("nats-1").get("image"))));
        assertThat(Files.readString(ComposeFiles.root().resolve("nats/nats.conf"))).contains("sync_interval: always");
    }

    @Test
    void devComposeHoldsOnlyTheInfrastructureOnThePortsTheDefaultsName() throws IOException {
        var services = services(DEV);
        assertThat(services.keySet()).containsExactlyInAnyOrderElementsOf(DEV_INFRASTRUCTURE);
        GanakaConfig defaults = GanakaConfig.load(Map.of(), false, false);
        Map<String, Integer> expected = Map.of(
                "postgres", URI.create(defaults.jdbcUrl().substring("jdbc:".length())).getPort(),
                "redis", URI.create(defaults.redisUrl()).getPort(),
                "nats", URI.create(defaults.natsUrl()).getPort(),
                "kafka", Integer.parseInt(defaults.kafkaBootstrapServers().orElseThrow().split(":")[1]));
        expected.forEach((name, port) -> assertThat(publishedPorts(services.get(name))).as(name).contains(port));
        services.values().forEach(s -> assertThat(s).containsKey("healthcheck"));
    }

    @Test
    void dockerfileBuildsEveryModuleFromPinnedImagesAndRunsUnprivilegedWithAHealthCheck() throws IOException {
        String dockerfile = Files.readString(ComposeFiles.root().resolve("Dockerfile"));
        String pom = Files.readString(ComposeFiles.root().resolve("pom.xml"));
        // The dependency layer is built from the POMs alone: a module missing there fails the build in a container.
        Matcher modules = Pattern.compile("<module>([^<]+)</module>").matcher(pom);
        while (modules.find()) {
            assertThat(dockerfile).contains("COPY " + modules.group(1) + "/pom.xml " + modules.group(1) + "/");
        }
        List<String> images = dockerfile.lines().filter(l -> l.startsWith("FROM ")).map(l -> l.split("\\s+")[1]).toList();
        assertThat(images).hasSize(2).allSatisfy(image -> assertThat(image).matches("[^:]+:[0-9][A-Za-z0-9._-]*"));
        assertThat(dockerfile).contains("USER ganaka", "HEALTHCHECK", "ENTRYPOINT [\"java\", \"-jar\", \"/app/ganaka.jar\"]");
        assertThat(ComposeFiles.root().resolve("docker/healthcheck.sh")).isExecutable();
    }

    /** The services that run the Ganaka image: the roles and the migration. */
    private static Map<String, Map<String, Object>> ganakaServices() throws IOException {
        return services(COMPOSE).entrySet().stream()
                .filter(e -> String.valueOf(e.getValue().get("image")).startsWith("ganaka:"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Where a role serves /metrics: the API port for the API, GANAKA_METRICS_PORT for the others. */
    private static int scrapePort(String name, Map<String, Object> service) {
        GanakaConfig config = GanakaConfig.load(environment(service, SECRETS), false);
        if (name.equals(Role.API.cliName())) {
            return config.httpPort();
        }
        assertThat(config.metricsPort()).as("GANAKA_METRICS_PORT of %s", name).isPresent();
        return config.metricsPort().getAsInt();
    }

    /** The release numbers of a {@code nats:X.Y.Z[-variant]} image. */
    private static List<Integer> natsRelease(String image) {
        Matcher m = Pattern.compile("nats:(\\d+)\\.(\\d+)\\.(\\d+)(-[a-z0-9.]+)?").matcher(image);
        assertThat(m.matches()).as("pinned NATS image %s", image).isTrue();
        return List.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    private static boolean atLeast(List<Integer> release, List<Integer> minimum) {
        for (int i = 0; i < minimum.size(); i++) {
            if (!release.get(i).equals(minimum.get(i))) {
                return release.get(i) > minimum.get(i);
            }
        }
        return true;
    }

    private static String condition(Map<String, Object> dependsOn, String service) {
        @SuppressWarnings("unchecked") Map<String, Object> how = (Map<String, Object>) dependsOn.get(service);
        return how == null ? null : (String) how.get("condition");
    }

    private static Set<Integer> publishedPorts(Map<String, Object> service) {
        Set<Integer> ports = new HashSet<>();
        for (Object port : list(service, "ports")) {
            String[] parts = String.valueOf(port).split(":");
            ports.add(Integer.parseInt(parts[parts.length - 2]));
        }
        return ports;
    }
}
