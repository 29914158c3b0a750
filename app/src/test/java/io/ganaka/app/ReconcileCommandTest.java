package io.ganaka.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReconcileCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void refusesAnUnknownArgumentWithUsageAndStatus2() throws Exception {
        assertThat(run(List.of("--everything"), Map.of())).isEqualTo(2);
        assertThat(err()).contains("unknown argument '--everything'", ReconcileCommand.USAGE);
    }

    @Test
    void refusesAUserIdThatIsNotAUuid() throws Exception {
        assertThat(run(List.of("--user", "bob"), Map.of())).isEqualTo(2);
        assertThat(err()).contains("--user takes a user id (UUID), got 'bob'");
        assertThat(run(List.of("--user"), Map.of())).isEqualTo(2);
        assertThat(err()).contains("--user needs a user id");
    }

    @Test
    void reportsABadConfigurationInOneLinePerProblemWithoutAStackTrace() throws Exception {
        assertThat(run(List.of(), Map.of("GANAKA_PREFIX", "Not Valid!", "NATS_URL", "http://x"))).isEqualTo(2);
        assertThat(err()).contains("GANAKA_PREFIX", "NATS_URL").doesNotContain("Exception", "\tat ");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void saysWhichServiceItCannotReachAndExits2() throws Exception {
        // Port 1 on loopback: nothing listens, so the connection is refused at once.
        assertThat(run(List.of(), Map.of("NATS_URL", "nats://127.0.0.1:1"))).isEqualTo(2);
        assertThat(err()).startsWith("ganaka: cannot read the event stream at nats://127.0.0.1:1")
                .doesNotContain("\tat ");
    }

    private int run(List<String> args, Map<String, String> env) throws Exception {
        return ReconcileCommand.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
