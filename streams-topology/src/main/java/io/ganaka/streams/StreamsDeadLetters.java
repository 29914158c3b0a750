package io.ganaka.streams;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The streams role's writer to the dead-letter topic: the original key, value and headers plus why and where from,
 * in the same headers the bridge and the sinks use. One per role, closed with it.
 */
public final class StreamsDeadLetters implements AutoCloseable {

    public static final String REASON_HEADER = "ganaka-dlq-reason";
    public static final String SOURCE_HEADER = "ganaka-dlq-source";
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final Producer<byte[], byte[]> producer;
    private final String topic;

    StreamsDeadLetters(Producer<byte[], byte[]> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    static StreamsDeadLetters connect(String bootstrapServers, String topic) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, topic + "-streams-dlq");
        return new StreamsDeadLetters(new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer()),
                topic);
    }

    /**
     * Writes one dead letter and waits for the broker's ack, so the stream moves past the record only once it is
     * kept: a failure here fails the stream thread, which then retries the record.
     */
    void send(byte[] key, byte[] value, Headers headers, String reason, String source) {
        ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(topic, key, value);
        if (headers != null) {
            for (Header h : headers) {
                out.headers().add(h);
            }
        }
        out.headers().add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        out.headers().add(SOURCE_HEADER, source.getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(out).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while writing to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("could not write a dead letter to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
