package io.ganaka.sinks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;

/**
 * Dead letters on the DLQ topic: the original key, value and headers, plus why and where the record came from.
 */
final class KafkaDeadLetters implements DeadLetters {

    static final String REASON_HEADER = "ganaka-dlq-reason";
    static final String SOURCE_HEADER = "ganaka-dlq-source";

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final String sinkName;

    KafkaDeadLetters(Producer<byte[], byte[]> producer, String topic, String sinkName) {
        this.producer = producer;
        this.topic = topic;
        this.sinkName = sinkName;
    }

    @Override
    public void send(List<Poison> poison) {
        List<Future<RecordMetadata>> sends = new ArrayList<>(poison.size());
        for (Poison p : poison) {
            ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(topic, p.record().key(), p.record().value());
            for (Header h : p.record().headers()) {
                out.headers().add(h);
            }
            out.headers().add(REASON_HEADER, p.reason().getBytes(StandardCharsets.UTF_8));
            String source = "sink:" + sinkName + ":" + p.record().topic() + "-" + p.record().partition() + "@"
                    + p.record().offset();
            out.headers().add(SOURCE_HEADER, source.getBytes(StandardCharsets.UTF_8));
            sends.add(producer.send(out));
        }
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaException("interrupted while writing to " + topic, e);
            } catch (ExecutionException | TimeoutException e) {
                throw new KafkaException("could not write dead letters to " + topic, e);
            }
        }
    }
}
