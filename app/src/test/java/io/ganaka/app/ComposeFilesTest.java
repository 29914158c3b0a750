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
    private static final Set<String> INFRASTRUCTURE = Set.of("postgres", "redis", "nats", "kafka");
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
        assertThat(URI.create(api.natsUrl()).getHost()).isEqualTo("nats");
        assertThat(api.kafkaBootstrapServers()).contains("kafka:9092");
        assertThat(map(services.get("kafka"), "environment").get("KAFKA_ADVERTISED_LISTENERS"))
                .isEqualTo("PLAINTEXT://kafka:9092");
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
    void natsRunsJetStreamWithEveryWriteSyncedToDisk() throws IOException {
        for (String file : List.of(COMPOSE, DEV)) {
            assertThat(list(services(file).get("nats"), "command")).as(file).contains("-js");
        }
        assertThat(Files.readString(ComposeFiles.root().resolve("nats/nats.conf"))).contains("sync_interval: always");
    }

    @Test
    void devComposeHoldsOnlyTheInfrastructureOnThePortsTheDefaultsName() throws IOException {
        var services = services(DEV);
        assertThat(services.keySet()).containsExactlyInAnyOrderElementsOf(INFRASTRUCTURE);
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
