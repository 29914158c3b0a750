package io.ganaka.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One program run as a child process of the test, which a fault test can kill ({@code SIGKILL}), stop gently
 * ({@code SIGTERM}), pause ({@code SIGSTOP}), resume and start again with the same command and environment. Each start
 * writes a log of its own; {@link #close()} kills the process and removes the logs.
 */
final class ChildProcess implements AutoCloseable {

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final List<Path> logs = new ArrayList<>();
    private Process process;

    ChildProcess(String name, List<String> command, Map<String, String> environment) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
    }

    String name() {
        return name;
    }

    /** Starts the process and waits (up to {@code deadline}) until {@code ready} holds while it is alive. */
    void start(Duration deadline, BooleanSupplier ready) {
        launch();
        awaitReady(deadline, ready);
    }

    /** Starts the process without waiting for it (see {@link #awaitReady}), so that several can start at once. */
    synchronized void launch() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        try {
            Path log = Files.createTempFile("ganaka-fault-" + name + "-", ".log");
            logs.add(log);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            // Only what this test gives it: no GANAKA_* or SMTP_* of the shell that runs the build.
            builder.environment().keySet().removeIf(k -> k.startsWith("GANAKA_") || k.startsWith("SMTP_")
                    || k.endsWith("_URL") || k.startsWith("KAFKA_") || k.equals("JWT_SECRET"));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** Waits (up to {@code deadline}) until {@code ready} holds while the launched process is alive. */
    void awaitReady(Duration deadline, BooleanSupplier ready) {
        Process started;
        synchronized (this) {
            started = process;
        }
        await(name + " ready").atMost(deadline).pollInterval(Duration.ofMillis(100))
                .until(() -> !started.isAlive() || ready.getAsBoolean());
        assertThat(started.isAlive()).as(name + " exited at start:\n" + tail(4_000)).isTrue();
    }

    /** The output of the current (last) start. */
    String output() {
        if (logs.isEmpty()) {
            return "";
        }
        try {
            return Files.readString(logs.get(logs.size() - 1), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The end of the current start's output, for a failure message. */
    String tail(int chars) {
        String out = output();
        return out.length() <= chars ? out : out.substring(out.length() - chars);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** {@code kill -9}: no shutdown hook, no leaving of groups, no flush. */
    synchronized void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(name + " killed").isTrue();
        }
    }

    /** {@code kill -TERM} and waits for the process to exit by itself (its shutdown hook runs). */
    synchronized void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** {@code kill -STOP}: the process keeps its sockets but runs no more, as a process stuck in a long pause. */
    void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** {@code kill -CONT}. */
    void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -" + signal + " " + name).isZero();
    }

    @Override
    public synchronized void close() throws IOException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly(); // SIGKILL ends a paused process too
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Path log : logs) {
            Files.deleteIfExists(log);
        }
    }
}
