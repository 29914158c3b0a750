package io.ganaka.bench;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;

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
        switch (options.mode()) {
            case LOAD -> new LoadBench(options, http()).run();
            case SOCKETS -> new SocketsBench(options, http()).run();
            case STAGES -> new StageProbes(options).run();
        }
        System.exit(0); // the HTTP client's and NATS's threads would keep the JVM up a while
    }

    /** HTTP/1.1 as a browser's fetch and WebSocket would use it; answers are handled on a small pool. */
    private static HttpClient http() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(4))
                .build();
    }
}
