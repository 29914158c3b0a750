package io.ganaka.sinks.notify;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventCodec;
import io.ganaka.schemas.EventPayload;
import io.ganaka.schemas.EventType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces {@code notification.sent} events on {@code ganaka.notifications}, keyed by user id, with an idempotent
 * producer ({@code acks=all}). The event id derives from the notification id, so an event produced twice (after a
 * crash before it was marked announced) is the same event, which consumers dedupe.
 */
final class KafkaNotificationEvents implements NotificationStore.Announcer, AutoCloseable {

    private static final long ACK_TIMEOUT_SECONDS = 30;

    private final Producer<String, byte[]> producer;
    private final String topic;

    KafkaNotificationEvents(String bootstrapServers, String clientId, String topic) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    /** The event of a final outcome; the same notification always gives the same event id. */
    static Event event(NotificationStore.Outcome o) {
        UUID id = UUID.nameUUIDFromBytes(("notification.sent:" + o.notificationId()).getBytes(StandardCharsets.UTF_8));
        return new Event(id.toString(), EventType.of(payload(o)).wireName(), Event.CURRENT_SCHEMA_VERSION, o.at(),
                o.userId().toString(), null, payload(o));
    }

    private static EventPayload.NotificationSent payload(NotificationStore.Outcome o) {
        return new EventPayload.NotificationSent(o.notificationId().toString(), o.kind(), o.channel(), o.status(),
                o.sourceEventId().toString(), o.attempts(), o.error());
    }

    @Override
    public void announce(List<NotificationStore.Outcome> outcomes) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(outcomes.size());
        for (NotificationStore.Outcome o : outcomes) {
            acks.add(producer.send(new ProducerRecord<>(topic, o.userId().toString(), EventCodec.encode(event(o)))));
        }
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("notification.sent events not acknowledged: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while producing notification.sent events", e);
        }
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
