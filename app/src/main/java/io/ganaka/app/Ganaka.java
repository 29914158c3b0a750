package io.ganaka.app;

import io.ganaka.schemas.Naming;
import io.ganaka.sql.Migrator;
import io.ganaka.streams.StreamsApp;
import io.ganaka.testkit.EmbeddedKafkaBroker;
import io.nats.client.Connection;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code ganaka} command: runs roles, the whole system for development, the migrations, or a reconciliation. */
public final class Ganaka {

    private static final Logger log = LoggerFactory.getLogger(Ganaka.class);

    static final String USAGE = """
            usage: ganaka <command>
              dev                  everything on this machine: creates and migrates the database, starts a Kafka
                                   broker of its own (unless KAFKA_BOOTSTRAP_SERVERS is set) and every role
              all                  every role in one process against existing brokers (migrates first)
              api|bridge|streams|sinks ...
                                   the chosen roles in one process against existing brokers
              streams --describe   prints the description of every streams topology and exits
              migrate              applies the database migrations
              reconcile [--user <uuid>]...
                                   compares the accepted events with Postgres and the Redis dashboards; prints every
                                   difference; exit status 1 when there is one, 2 when it cannot reconcile
              help                 this text
            Configuration comes from environment variables; see README.md.""";

    private Ganaka() {}

    public static void main(String[] args) {
        LogFormat.chooseFor(List.of(args), System.getenv(LogFormat.KEY));
        int status;
        try {
            status = run(List.of(args), System.out, System.err);
        } catch (ConfigException e) {
            System.err.println("ganaka: " + e.getMessage());
            status = 2;
        } catch (Exception e) {
            log.error("ganaka failed to start", e);
            System.err.println("ganaka: " + rootMessage(e));
            status = 1;
        }
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.isEmpty() || args.contains("help") || args.contains("--help") || args.contains("-h")) {
            out.println(USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        String command = args.get(0);
        if (args.contains("--describe")) {
            return describeStreams(args, out, err);
        }
        return switch (command) {
            case "dev" -> runUntilStopped(startDev(out));
            case "all" -> runUntilStopped(startRoles(EnumSet.allOf(Role.class), true, out));
            case "migrate" -> migrate(out);
            case "reconcile" -> ReconcileCommand.run(args.subList(1, args.size()), System.getenv(), out, err);
            default -> {
                Set<Role> roles = EnumSet.noneOf(Role.class);
                for (String name : args) {
                    roles.add(Role.fromCliName(name).orElseThrow(
                            () -> new ConfigException(List.of("unknown command or role '" + name + "'\n" + USAGE))));
                }
                yield runUntilStopped(startRoles(roles, false, out));
            }
        };
    }

    /** {@code streams --describe}: each topology as Kafka Streams describes it, under the prefix of the environment. */
    private static int describeStreams(List<String> args, PrintStream out, PrintStream err) {
        if (!args.equals(List.of("streams", "--describe"))) {
            err.println("ganaka: --describe goes with streams alone: ganaka streams --describe");
            return 2;
        }
        GanakaConfig config = GanakaConfig.fromEnvironment(false, false);
        Naming naming = config.naming();
        for (StreamsApp app : StreamsApp.all(naming, config.topologies())) {
            out.println("# " + app.displayName() + " (application id " + app.applicationId(naming) + ")");
            out.println(app.topology().describe());
        }
        return 0;
    }

    private static int migrate(PrintStream out) throws SQLException {
        GanakaConfig config = GanakaConfig.fromEnvironment(false, false);
        createDatabase(config, out);
        try (var db = Connections.postgres(config, "ganaka-migrate")) {
            out.println("Applied " + Migrator.migrate(db) + " migration(s); the database is up to date.");
        }
        return 0;
    }

    private static void createDatabase(GanakaConfig config, PrintStream out) throws SQLException {
        if (Migrator.createDatabaseIfMissing(config.jdbcUrl())) {
            out.println("Created database " + config.jdbcUrl().replaceAll("\\?.*", ""));
        }
    }

    private static Running startDev(PrintStream out) throws Exception {
        GanakaConfig config = GanakaConfig.fromEnvironment(true);
        createDatabase(config, out);
        try (var db = Connections.postgres(config, "ganaka-migrate")) {
            Migrator.migrate(db);
        }
        Running running = new Running();
        try {
            String kafka;
            if (config.kafkaBootstrapServers().isPresent()) {
                kafka = config.kafkaBootstrapServers().get();
            } else {
                EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
                running.broker = broker;
                kafka = broker.bootstrapServers();
            }
            running.stateDir = Files.createTempDirectory("ganaka-streams-");
            provision(config, EnumSet.allOf(Role.class), kafka, running.broker != null);
            running.system = GanakaSystem.start(config, EnumSet.allOf(Role.class), kafka, running.stateDir);
            String base = "http://127.0.0.1:" + running.system.apiPort();
            out.printf("""

                    Ganaka is running (dev).
                      API        %s/
                      Dashboard  %s/
                      Health     %s/health
                      Metrics    %s/metrics
                      API docs   %s/docs
                      Kafka      %s%s
                    Press Ctrl-C to stop.
                    %n""", base, base, base, base, base, kafka,
                    running.broker != null ? " (embedded, removed at exit)" : "");
            return running;
        } catch (Exception | Error e) {
            running.close();
            throw e;
        }
    }

    private static Running startRoles(Set<Role> roles, boolean migrateFirst, PrintStream out) throws Exception {
        GanakaConfig config = GanakaConfig.fromEnvironment(false);
        if (migrateFirst) {
            try (var db = Connections.postgres(config, "ganaka-migrate")) {
                Migrator.migrate(db);
            }
        }
        String kafka = config.kafkaBootstrapServers().orElseThrow();
        Path stateDir = config.stateDir().orElse(Path.of(System.getProperty("java.io.tmpdir"), "ganaka-streams"));
        provision(config, roles, kafka, false);
        Running running = new Running();
        running.system = GanakaSystem.start(config, roles, kafka, stateDir);
        out.println("Ganaka running roles " + roles.stream().map(Role::cliName).toList()
                + (roles.contains(Role.API) ? " (API on port " + running.system.apiPort() + ")" : "")
                + (config.metricsPort().isPresent() ? " (metrics on port " + running.system.metricsPort() + ")" : ""));
        return running;
    }

    @SuppressWarnings("try") // jnats' Connection.close() may throw InterruptedException, which is passed on
    private static void provision(GanakaConfig config, Set<Role> roles, String kafka, boolean kafkaIsNew) throws Exception {
        if (roles.contains(Role.API) || roles.contains(Role.BRIDGE)) {
            try (Connection nats = Connections.nats(config, "ganaka-provisioning")) {
                Provisioning.ensureEventStream(nats, config.naming(), config.eventStream());
                if (kafkaIsNew) {
                    Provisioning.replayEventStreamIntoNewKafka(nats, config.naming());
                }
            }
        }
        if (roles.contains(Role.BRIDGE) || roles.contains(Role.STREAMS) || roles.contains(Role.SINKS)) {
            Provisioning.ensureTopics(kafka, config.naming(), config.kafkaPartitions(), config.kafkaReplicationFactor(),
                    config.kafkaMinInsync());
        }
    }

    private static int runUntilStopped(Running running) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping Ganaka");
            running.close();
            stopped.countDown();
        }, "ganaka-shutdown"));
        stopped.await();
        return 0;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root + ")";
    }

    /** What one invocation started, closed in reverse: the roles, then the broker, then the temporary state. */
    private static final class Running implements AutoCloseable {
        GanakaSystem system;
        EmbeddedKafkaBroker broker;
        Path stateDir;

        @Override
        public void close() {
            if (system != null) {
                system.close();
            }
            if (broker != null) {
                broker.close();
            }
            if (stateDir != null) {
                deleteRecursively(stateDir);
            }
        }

        private static void deleteRecursively(Path dir) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                log.warn("Could not remove {}: {}", dir, e.toString());
            }
        }
    }
}
