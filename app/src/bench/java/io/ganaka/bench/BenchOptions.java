package io.ganaka.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code ganaka bench} was asked to do: the mode, the target system and the load. Parsed once from the command
 * line; every value has a default that suits a short run on a laptop.
 */
public record BenchOptions(Mode mode, URI url, int rate, int durationSeconds, int users, int connections,
                           double readShare, int messages, String databaseUrl, String natsUrl, String redisUrl,
                           String kafkaBootstrap, Path results) {

    /** {@code load}: writes and reads at a fixed arrival rate; {@code sockets}: many held sockets; {@code stages}. */
    public enum Mode { LOAD, SOCKETS, STAGES }

    static final String USAGE = """
            usage: ganaka bench [load] [--rate N] [--duration S] [--users U] [--reads F] [--url URL] [--results DIR]
                   ganaka bench sockets [--connections N] [--rate N] [--duration S] [--url URL]
                   ganaka bench stages [--messages N]
              load      a Gatling simulation: N requests/s arrive whatever the answers (open model), F of them
                        reads (default 0.2); each user holds a live socket on which its new expenses must arrive
                        exactly once; Gatling's HTML report goes under DIR
              sockets   holds N dashboard sockets (5 per user) and measures delivery of N/s new expenses to them
              stages    the raw capacity of JetStream publish, Kafka produce, Postgres upsert and Redis writes
            Defaults: --url http://127.0.0.1:8080 --rate 500 --duration 30 --users 50 --connections 1000
                      --messages 50000 --results $GANAKA_BENCH_RESULTS (./ganaka sets app/target/gatling);
                      DATABASE_URL, NATS_URL, REDIS_URL, KAFKA_BOOTSTRAP_SERVERS as for ganaka.""";

    public static BenchOptions parse(List<String> args, Map<String, String> env) {
        List<String> rest = new ArrayList<>(args);
        Mode mode = Mode.LOAD;
        if (!rest.isEmpty() && !rest.get(0).startsWith("--")) {
            String name = rest.remove(0);
            mode = switch (name) {
                case "load" -> Mode.LOAD;
                case "sockets" -> Mode.SOCKETS;
                case "stages" -> Mode.STAGES;
                default -> throw new IllegalArgumentException("unknown bench mode '" + name + "'");
            };
        }
        URI url = URI.create("http://127.0.0.1:8080");
        int rate = mode == Mode.SOCKETS ? 50 : 500;
        int duration = 30;
        int users = 50;
        int connections = 1000;
        double reads = 0.2;
        int messages = 50_000;
        Path results = Path.of(env.getOrDefault("GANAKA_BENCH_RESULTS", "target/gatling"));
        for (int i = 0; i < rest.size(); i += 2) {
            String flag = rest.get(i);
            if (i + 1 >= rest.size()) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = rest.get(i + 1);
            switch (flag) {
                case "--url" -> url = httpUrl(value);
                case "--rate" -> rate = positive(flag, value);
                case "--duration" -> duration = positive(flag, value);
                case "--users" -> users = positive(flag, value);
                case "--connections" -> connections = positive(flag, value);
                case "--messages" -> messages = positive(flag, value);
                case "--reads" -> reads = share(flag, value);
                case "--results" -> results = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option '" + flag + "'");
            }
        }
        return new BenchOptions(mode, url, rate, duration, users, connections, reads, messages,
                env.getOrDefault("DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/ganaka?user=postgres"),
                env.getOrDefault("NATS_URL", "nats://127.0.0.1:4222"),
                env.getOrDefault("REDIS_URL", "redis://127.0.0.1:6379"),
                env.get("KAFKA_BOOTSTRAP_SERVERS"), results);
    }

    /** The users the sockets mode needs: the server allows five sockets per user. */
    public int socketUsers() {
        return (connections + SOCKETS_PER_USER - 1) / SOCKETS_PER_USER;
    }

    static final int SOCKETS_PER_USER = 5;

    /** The dashboard socket's address on the same host as the API. */
    public URI socketUrl() {
        String scheme = url.getScheme().equals("https") ? "wss" : "ws";
        return URI.create(scheme + "://" + url.getAuthority() + "/ws/dashboard");
    }

    private static URI httpUrl(String value) {
        URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("--url must be an http(s) URL such as http://127.0.0.1:8080");
        }
        return uri;
    }

    private static int positive(String flag, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below: the message is the same for "abc" and "-3"
        }
        throw new IllegalArgumentException(flag + " must be a whole number above 0, not '" + value + "'");
    }

    private static double share(String flag, String value) {
        try {
            double d = Double.parseDouble(value);
            if (d >= 0 && d <= 1) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(flag + " must be a share between 0 and 1, not '" + value + "'");
    }
}
