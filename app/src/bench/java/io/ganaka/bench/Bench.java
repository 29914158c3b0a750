package io.ganaka.bench;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code ganaka bench}: drives a running Ganaka and prints what it measured (see docs/performance.md). */
public final class Bench {

    private Bench() {}

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help") || List.of(args).contains("help")) {
            System.out.println(BenchOptions.USAGE);
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(List.of(args), System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("ganaka bench: " + e.getMessage());
            System.err.println(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        quietLogs();
        int status = 1;
        try {
            switch (options.mode()) {
                case LOAD -> new LoadBench(options, http()).run();
                case SOCKETS -> new SocketsBench(options, http()).run();
                case STAGES -> new StageProbes(options).run();
            }
            status = 0;
        } catch (Exception | Error e) {
            System.err.println("ganaka bench: failed");
            e.printStackTrace();
        } finally {
            // The HTTP client's, NATS's and Gatling's threads would keep the JVM up, after a failure for good.
            System.exit(status);
        }
    }

    /** The clients' start-up chatter (Kafka's configuration dumps, NATS connects) would bury the progress lines. */
    private static void quietLogs() {
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    /** HTTP/1.1 as a browser's fetch and WebSocket would use it; answers are handled on a small pool. */
    private static HttpClient http() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(4))
                .build();
    }
}
