package io.ganaka.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.ganaka.testkit.TestEnvironment;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in a real browser: starts every role under a name space of its own, then runs the Playwright suite in
 * {@code tests/e2e} (Debian's Chromium driven by playwright-core) against it, streaming its output here. Screenshots
 * land in {@code target/e2e-screenshots} at the top of the checkout.
 *
 * <p>{@code ./ganaka test} installs what the suite needs and sets {@code GANAKA_BROWSER_TESTS=required}, so a missing
 * browser or package fails there; a plain {@code mvn verify} without them skips this test and says why.
 */
class BrowserIT {

    private static final long SUITE_MINUTES = 5;

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path SUITE = ROOT.resolve("tests/e2e");

    @Test
    void theDashboardJourneyPassesInARealBrowser() throws Exception {
        String missing = missingPrerequisite();
        if (missing != null) {
            if ("required".equals(System.getenv("GANAKA_BROWSER_TESTS"))) {
                fail("the browser tests cannot run: " + missing);
            }
            Assumptions.abort("browser tests skipped (" + missing + "); ./ganaka test installs what they need");
        }
        try (RunningSystem running = RunningSystem.start(TestEnvironment.shared(), "-browser", "ganaka-it-browser-")) {
            runSuite(running.apiPort());
        }
    }

    private static void runSuite(int apiPort) throws Exception {
        Path screenshots = ROOT.resolve("target/e2e-screenshots");
        if (Files.isDirectory(screenshots)) { // this run's screenshots only
            try (var old = Files.list(screenshots)) {
                for (Path png : old.filter(p -> p.toString().endsWith(".png")).toList()) {
                    Files.delete(png);
                }
            }
        }
        ProcessBuilder builder = new ProcessBuilder(List.of("node", "--test-reporter=spec", "run.mjs"))
                .directory(SUITE.toFile())
                .redirectErrorStream(true);
        builder.environment().put("GANAKA_BASE_URL", "http://127.0.0.1:" + apiPort);
        builder.environment().put("GANAKA_SCREENSHOTS", screenshots.toString());
        Process suite = builder.start();
        Thread echo = new Thread(() -> echo(suite), "browser-suite-output");
        echo.start();
        boolean finished = suite.waitFor(SUITE_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            // The browser is a child of node: stop both, or Chromium would outlive the build.
            suite.descendants().forEach(ProcessHandle::destroyForcibly);
            suite.destroyForcibly().waitFor();
        }
        echo.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(finished).as("the browser suite finished within %d minutes", SUITE_MINUTES).isTrue();
        assertThat(suite.exitValue()).as("the browser suite's exit code (its output is above)").isZero();
        assertThat(screenshots.resolve("15-dashboard-phone.png")).exists();
    }

    private static void echo(Process process) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            lines.lines().forEach(line -> System.out.println("[e2e] " + line));
        } catch (java.io.IOException e) { // the stream closes when the process is killed
            System.out.println("[e2e] output ended: " + e.getMessage());
        }
    }

    /** What the suite needs and this machine lacks, or null when it has everything. */
    private static String missingPrerequisite() {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            return chromium + " is missing (Debian package chromium)";
        }
        if (!Files.isDirectory(SUITE.resolve("node_modules/playwright-core"))) {
            return "tests/e2e/node_modules lacks playwright-core (npm ci in tests/e2e)";
        }
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            node.getInputStream().readAllBytes();
            return node.waitFor() == 0 ? null : "node does not run";
        } catch (java.io.IOException | InterruptedException e) { // no node on the PATH
            return "node is missing (Debian package nodejs)";
        }
    }
}
