package io.ganaka.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Tells, quickly and quietly, whether a Docker engine answers and Testcontainers is on the classpath. Testcontainers
 * is an optional dependency, so its classes are touched only through {@link Containers} after the class check.
 */
final class DockerProbe {

    private static final String TESTCONTAINERS_CLASS = "org.testcontainers.DockerClientFactory";

    private DockerProbe() {
    }

    static boolean engineAnswers(Map<String, String> env) {
        if (!testcontainersPresent() || !dockerEndpointConfigured(env)) {
            return false;
        }
        try {
            return Containers.dockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            // Fires when Testcontainers cannot even build a client (broken config, incompatible jars): no Docker then.
            return false;
        }
    }

    /** Cheap pre-check so that machines without Docker never wait for Testcontainers' own probing. */
    static boolean dockerEndpointConfigured(Map<String, String> env) {
        String dockerHost = env.get("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            return true;
        }
        if (Files.exists(Path.of("/var/run/docker.sock"))) {
            return true;
        }
        String home = System.getProperty("user.home");
        // Docker Desktop, Rancher Desktop and colima put the socket under the user's home.
        return home != null && (Files.exists(Path.of(home, ".docker", "run", "docker.sock"))
                || Files.exists(Path.of(home, ".rd", "docker.sock"))
                || Files.exists(Path.of(home, ".colima", "default", "docker.sock")));
    }

    private static boolean testcontainersPresent() {
        try {
            Class.forName(TESTCONTAINERS_CLASS, false, DockerProbe.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            // Fires in the app's runtime, which does not ship the optional Testcontainers dependency.
            return false;
        }
    }
}
