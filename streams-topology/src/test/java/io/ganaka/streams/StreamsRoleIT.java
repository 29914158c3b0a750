package io.ganaka.streams;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ganaka.schemas.Naming;
import io.ganaka.schemas.Topic;
import io.ganaka.testkit.TestEnvironment;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the streams role behaves at start-up on a real broker when its world is not in order. */
class StreamsRoleIT {

    private final TestEnvironment env = TestEnvironment.shared();

    @TempDir
    Path stateDir;

    @AfterEach
    void deleteTopicsOfThisRun() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, env.kafkaBootstrapServers()))) {
            Set<String> ours = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(name -> name.startsWith(env.prefix()))
                    .collect(Collectors.toSet());
            admin.deleteTopics(ours).all().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void refusesToStartWithAClearMessageWhenItsInputTopicIsMissing() {
        // A naming of its own, so no other test's topics can make the input exist.
        Naming naming = new Naming(env.prefix() + "-missing");
        StreamsSettings settings = StreamsSettings.singleBroker(naming, env.kafkaBootstrapServers(), stateDir);

        assertThatThrownBy(() -> StreamsRole.start(settings))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("did not reach RUNNING")
                .hasMessageContaining("stopped in state")
                .hasMessageContaining(naming.topic(Topic.EXPENSES));
    }
}
