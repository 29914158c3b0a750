package io.ganaka.streams;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventCodec;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the topologies do with a record they cannot read (not an event) or cannot process (an event whose content
 * breaks a processor, such as a missing amount): it goes to the dead-letter topic with the reason, and the stream goes
 * on, so one bad record stops nothing. Kafka Streams builds this handler from its class name; the
 * {@link StreamsDeadLetters} it writes through arrives as the configuration value {@link #DEAD_LETTERS_CONFIG}.
 * Without one (a TopologyTestDriver test) the record is logged and skipped.
 */
public final class DeadLetterHandler implements DeserializationExceptionHandler, ProcessingExceptionHandler {

    /** The configuration key under which the role passes its {@link StreamsDeadLetters}. */
    public static final String DEAD_LETTERS_CONFIG = "ganaka.dead.letters";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);

    private StreamsDeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        Object configured = configs.get(DEAD_LETTERS_CONFIG);
        deadLetters = configured instanceof StreamsDeadLetters d ? d : null;
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                                 Exception exception) {
        deadLetter(context, record.key(), record.value(), "undecodable event: " + exception.getMessage());
        return DeserializationHandlerResponse.CONTINUE;
    }

    @Override
    public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (TransientFailureHandler.isTransient(exception)) {
            // Not the record's fault (a broker or store hiccup): fail, and the thread is replaced and retries it.
            return ProcessingHandlerResponse.FAIL;
        }
        byte[] value = context.sourceRawValue();
        if (value == null && record.value() instanceof Event event) {
            value = EventCodec.encode(event);
        }
        deadLetter(context, context.sourceRawKey(), value, "processing failed in " + context.processorNodeId() + ": "
                + exception);
        return ProcessingHandlerResponse.CONTINUE;
    }

    private void deadLetter(ErrorHandlerContext context, byte[] key, byte[] value, String reason) {
        String source = "streams:" + context.topic() + "-" + context.partition() + "@" + context.offset();
        LOG.warn("Dead-lettering the record at {}: {}", source, reason);
        if (deadLetters != null) {
            deadLetters.send(key, value, context.headers(), reason, source);
        }
    }
}
