package io.ganaka.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void defaultsToAShortLoadAgainstTheLocalApi() {
        BenchOptions o = BenchOptions.parse(List.of(), Map.of());

        assertThat(o.mode()).isEqualTo(BenchOptions.Mode.LOAD);
        assertThat(o.url()).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(o.rate()).isEqualTo(500);
        assertThat(o.durationSeconds()).isEqualTo(30);
        assertThat(o.readShare()).isEqualTo(0.2);
        assertThat(o.databaseUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/ganaka?user=postgres");
        assertThat(o.kafkaBootstrap()).isNull();
        assertThat(o.results()).isEqualTo(Path.of("target/gatling"));
    }

    @Test
    void gatlingReportsGoWhereTheLauncherOrTheFlagSays() {
        Map<String, String> env = Map.of("GANAKA_BENCH_RESULTS", "/repo/app/target/gatling");

        assertThat(BenchOptions.parse(List.of(), env).results()).isEqualTo(Path.of("/repo/app/target/gatling"));
        assertThat(BenchOptions.parse(List.of("--results", "/tmp/r"), env).results()).isEqualTo(Path.of("/tmp/r"));
    }

    @Test
    void readsTheModeAndEveryOption() {
        BenchOptions o = BenchOptions.parse(List.of("sockets", "--connections", "10000", "--rate", "20",
                "--duration", "60", "--url", "http://api.example:9000/"), Map.of("NATS_URL", "nats://n:4222"));

        assertThat(o.mode()).isEqualTo(BenchOptions.Mode.SOCKETS);
        assertThat(o.connections()).isEqualTo(10_000);
        assertThat(o.rate()).isEqualTo(20);
        assertThat(o.durationSeconds()).isEqualTo(60);
        assertThat(o.url()).isEqualTo(URI.create("http://api.example:9000"));
        assertThat(o.socketUrl()).isEqualTo(URI.create("ws://api.example:9000/ws/dashboard"));
        assertThat(o.natsUrl()).isEqualTo("nats://n:4222");
    }

    @Test
    void needsOneUserForEveryFiveSockets() {
        assertThat(BenchOptions.parse(List.of("sockets", "--connections", "10000"), Map.of()).socketUsers())
                .isEqualTo(2_000);
        assertThat(BenchOptions.parse(List.of("sockets", "--connections", "11"), Map.of()).socketUsers())
                .isEqualTo(3);
    }

    @Test
    void refusesWhatItCannotUse() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--rate", "0"), Map.of()))
                .hasMessageContaining("--rate must be a whole number above 0");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--reads", "1.5"), Map.of()))
                .hasMessageContaining("--reads must be a share between 0 and 1");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--users"), Map.of())).hasMessage("--users needs a value");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--url", "ftp://x"), Map.of()))
                .hasMessageContaining("--url must be an http(s) URL");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("warp"), Map.of()))
                .hasMessage("unknown bench mode 'warp'");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--turbo", "1"), Map.of()))
                .hasMessage("unknown option '--turbo'");
    }
}
