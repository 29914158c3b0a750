package io.ganaka.bench;

import io.gatling.javaapi.core.Simulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs a Gatling simulation inside the bench's JVM, so that the simulation can share the bench's tracker, sockets
 * and counters, and writes its HTML report under {@code results}. Gatling's console summary is turned off: the
 * bench prints its own progress and summary; its usage analytics and its warm-up request to gatling.io are off too.
 */
final class GatlingRun {

    private GatlingRun() {}

    /** Settings read by Gatling's configuration from system properties, over its defaults. */
    static void configure() {
        System.setProperty("gatling.data.writers.0", "file");
        System.setProperty("gatling.data.enableAnalytics", "false");
        System.setProperty("gatling.http.warmUpUrl", "");
        System.setProperty("gatling.http.requestTimeout", "30000"); // as the bench's own HTTP client
    }

    /**
     * Runs {@code simulation} to its end (every user injected and answered) and returns the report's {@code index.html},
     * if Gatling wrote one.
     */
    static Optional<Path> run(Class<? extends Simulation> simulation, Path results, String description)
            throws IOException {
        configure();
        Path root = results.toAbsolutePath();
        Files.createDirectories(root);
        int status = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {
            "--simulation", simulation.getName(),
            "--results-folder", root.toString(),
            "--run-description", description});
        if (status != 0) {
            System.out.printf("  Gatling ended with status %d%n", status);
        }
        return newestReport(root);
    }

    /** Gatling writes each run into a directory of its own, named after the simulation and the time. */
    static Optional<Path> newestReport(Path root) throws IOException {
        try (Stream<Path> runs = Files.list(root)) {
            return runs.map(run -> run.resolve("index.html")).filter(Files::isRegularFile)
                    .max(Comparator.comparing(GatlingRun::modified));
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0; // gone meanwhile: the oldest
        }
    }
}
