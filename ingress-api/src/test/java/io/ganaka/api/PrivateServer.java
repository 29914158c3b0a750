package io.ganaka.api;

import static org.awaitility.Awaitility.await;

import io.ganaka.testkit.FreePorts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A NATS server of a test's own, run as a child process on a free port, so that a test can kill or freeze
 * it without touching the machine's shared services. {@link #close()} kills it and removes its files.
 */
@SuppressWarnings("try") // close() passes on the InterruptedException of waiting for the process to end
final class PrivateServer implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path dir;

    private PrivateServer(List<String> command, int port, Path dir) throws IOException {
        this.port = port;
        this.dir = dir;
        this.process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile()).start();
        await().atMost(Duration.ofSeconds(20)).until(this::accepts);
    }

    /** nats-server with JetStream, its store in a temporary directory. */
    static PrivateServer nats() throws IOException {
        int port = FreePorts.next();
        Path dir = Files.createTempDirectory("ganaka-nats-");
        return new PrivateServer(List.of("/usr/sbin/nats-server", "-a", "127.0.0.1", "-p", String.valueOf(port), "-js",
                "-sd", dir.resolve("js").toString()), port, dir);
    }

    int port() {
        return port;
    }

    /** Kills the server at once (SIGKILL), as a crash would, and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Freezes the server (SIGSTOP): its sockets stay open, but nothing is answered. */
    void freeze() throws IOException, InterruptedException {
        signal("-STOP");
    }

    /** Lets a frozen server go on (SIGCONT). */
    void thaw() throws IOException, InterruptedException {
        signal("-CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", signal, String.valueOf(process.pid())).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill " + signal + " " + process.pid() + " exited " + exit);
        }
    }

    private boolean accepts() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return socket.isConnected();
        } catch (IOException e) {
            // Not listening yet.
            return false;
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (process.isAlive()) {
            kill(); // SIGKILL ends a frozen process too
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(files::add);
        }
        for (Path file : files) {
            Files.deleteIfExists(file);
        }
    }
}
