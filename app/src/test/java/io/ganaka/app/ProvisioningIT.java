package io.ganaka.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.schemas.Naming;
import io.ganaka.testkit.TestEnvironment;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The event stream as {@link Provisioning} keeps it: replicas and limits from the configuration, discard new. */
@SuppressWarnings("try") // jnats' Connection.close() may throw InterruptedException, which is passed on
class ProvisioningIT {

    @Test
    void createsTheEventStreamWithItsLimitsAndBringsAnOlderStreamToThem() throws Exception {
        TestEnvironment env = TestEnvironment.shared();
        Naming naming = new Naming(env.prefix() + "-provisioning");
        try (Connection nats = Nats.connect(env.natsUrl())) {
            try {
                var settings = new EventStreamSettings(1, Duration.ofHours(48), 64L << 20);
                Provisioning.ensureEventStream(nats, naming, settings);
                assertKeptAs(nats, naming, settings);

                // A stream made before limits existed (no limits, discard old) is updated in place.
                nats.jetStreamManagement().updateStream(StreamConfiguration.builder(config(nats, naming))
                        .discardPolicy(DiscardPolicy.Old).maxBytes(-1).maxAge(Duration.ZERO).build());
                Provisioning.ensureEventStream(nats, naming, EventStreamSettings.SINGLE_SERVER);
                assertKeptAs(nats, naming, EventStreamSettings.SINGLE_SERVER);
            } finally {
                nats.jetStreamManagement().deleteStream(naming.streamName());
            }
        }
    }

    private static void assertKeptAs(Connection nats, Naming naming, EventStreamSettings settings) throws Exception {
        StreamConfiguration config = config(nats, naming);
        assertThat(config.getSubjects()).containsExactly(naming.eventSubjects());
        assertThat(config.getStorageType()).isEqualTo(StorageType.File);
        // Never work-queue: the reconciler reads the stream after the bridge acked it.
        assertThat(config.getRetentionPolicy()).isEqualTo(RetentionPolicy.Limits);
        assertThat(config.getDiscardPolicy()).isEqualTo(DiscardPolicy.New);
        assertThat(config.getReplicas()).isEqualTo(settings.replicas());
        assertThat(config.getMaxAge()).isEqualTo(settings.maxAge());
        assertThat(config.getMaxBytes()).isEqualTo(settings.maxBytes());
        assertThat(config.getDuplicateWindow()).isEqualTo(Provisioning.DUPLICATE_WINDOW);
    }

    private static StreamConfiguration config(Connection nats, Naming naming) throws Exception {
        return nats.jetStreamManagement().getStreamInfo(naming.streamName()).getConfiguration();
    }
}
