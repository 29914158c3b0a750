package io.ganaka.app.reconcile;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventCodec;
import io.ganaka.schemas.EventDecodingException;
import io.ganaka.schemas.EventType;
import io.ganaka.schemas.Naming;
import io.nats.client.Connection;
import io.nats.client.ConsumeOptions;
import io.nats.client.IterableConsumer;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamStatusCheckedException;
import io.nats.client.Message;
import io.nats.client.api.OrderedConsumerConfiguration;
import io.nats.client.api.StreamState;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the whole event stream once, from its first to its last message as they were when the read began, with an
 * ordered consumer (server-side pushes in batches, no ack, no per-message round trip). Only the types the
 * reconciler folds are decoded; the type comes from the subject, so the rest cost nothing but the transfer.
 */
final class EventStreamReader {

    /** What was read: how many messages, how many were undecodable, and the stream's sequence range. */
    record Result(long read, long undecodable, long firstSequence, long lastSequence) {}

    static final Set<EventType> FOLDED = EnumSet.of(EventType.USER_REGISTERED, EventType.USER_UPDATED,
            EventType.USER_DELETED, EventType.EXPENSE_ADDED, EventType.EXPENSE_UPDATED, EventType.EXPENSE_DELETED);

    /** How long to wait for the next message before giving up on a stream that stopped delivering. */
    private static final Duration STALL = Duration.ofSeconds(15);

    private EventStreamReader() {}

    @SuppressWarnings("try") // IterableConsumer.close() declares Exception; handled below
    static Result read(Connection nats, Naming naming, Consumer<Event> folder)
            throws IOException, JetStreamApiException, InterruptedException {
        StreamState state = nats.jetStreamManagement().getStreamInfo(naming.streamName()).getStreamState();
        long last = state.getLastSequence();
        if (state.getMsgCount() == 0) {
            return new Result(0, 0, state.getFirstSequence(), last);
        }
        String typePrefix = naming.eventSubjects().substring(0, naming.eventSubjects().length() - 1);
        long read = 0;
        long undecodable = 0;
        var consumer = nats.getStreamContext(naming.streamName())
                .createOrderedConsumer(new OrderedConsumerConfiguration().filterSubject(naming.eventSubjects()));
        try (IterableConsumer messages = consumer.iterate(ConsumeOptions.builder().batchSize(1_000).build())) {
            while (true) {
                Message message = messages.nextMessage(STALL);
                if (message == null) {
                    throw new IOException("stream " + naming.streamName() + " stopped delivering after " + read
                            + " of " + state.getMsgCount() + " messages");
                }
                read++;
                if (folds(message.getSubject(), typePrefix)) {
                    try {
                        folder.accept(EventCodec.decode(message.getData()));
                    } catch (EventDecodingException e) {
                        undecodable++; // the bridge dead-letters it: nothing downstream sees it either
                    }
                }
                if (message.metaData().streamSequence() >= last) {
                    break;
                }
            }
        } catch (JetStreamStatusCheckedException e) {
            throw new IOException("reading stream " + naming.streamName() + ": " + e.getMessage(), e);
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // Only IterableConsumer.close() declares Exception; jnats throws nothing checked there in practice.
            throw new IOException("closing the consumer of " + naming.streamName() + ": " + e.getMessage(), e);
        }
        return new Result(read, undecodable, state.getFirstSequence(), last);
    }

    private static boolean folds(String subject, String typePrefix) {
        if (!subject.startsWith(typePrefix)) {
            return false;
        }
        return EventType.fromWireName(subject.substring(typePrefix.length())).map(FOLDED::contains).orElse(false);
    }
}
