package io.ganaka.app.reconcile;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventType;
import io.ganaka.schemas.Naming;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.StreamState;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the whole event stream once, from its first to its last message as they were when the read began, with an
 * ordered push consumer (the server pushes under flow control; no ack, no per-message round trip). Only the types the
 * reconciler folds are decoded ({@link FoldedEventDecoder}); the type comes from the subject, so the rest cost nothing
 * but the transfer.
 */
final class EventStreamReader {

    /** What was read: how many messages, how many were undecodable, and the stream's sequence range. */
    record Result(long read, long undecodable, long firstSequence, long lastSequence) {}

    static final Set<EventType> FOLDED = EnumSet.of(EventType.USER_REGISTERED, EventType.USER_UPDATED,
            EventType.USER_DELETED, EventType.EXPENSE_ADDED, EventType.EXPENSE_UPDATED, EventType.EXPENSE_DELETED);

    /** How long to wait for the next message before giving up on a stream that stopped delivering. */
    private static final Duration STALL = Duration.ofSeconds(15);

    private EventStreamReader() {}

    static Result read(Connection nats, Naming naming, Consumer<Event> folder)
            throws IOException, JetStreamApiException, InterruptedException {
        StreamState state = nats.jetStreamManagement().getStreamInfo(naming.streamName()).getStreamState();
        long last = state.getLastSequence();
        if (state.getMsgCount() == 0) {
            return new Result(0, 0, state.getFirstSequence(), last);
        }
        String typePrefix = naming.eventSubjects().substring(0, naming.eventSubjects().length() - 1);
        FoldedEventDecoder decoder = new FoldedEventDecoder(FOLDED);
        long read = 0;
        long undecodable = 0;
        // An ordered push consumer: the server pushes with flow control, the client checks the sequence and
        // recreates the consumer on a gap, and no message is acknowledged.
        JetStreamSubscription messages = nats.jetStream().subscribe(naming.eventSubjects(),
                PushSubscribeOptions.builder().stream(naming.streamName()).ordered(true).build());
        try {
            while (true) {
                Message message = messages.nextMessage(STALL);
                if (message == null) {
                    throw new IOException("stream " + naming.streamName() + " stopped delivering after " + read
                            + " of " + state.getMsgCount() + " messages");
                }
                read++;
                EventType type = foldedType(message.getSubject(), typePrefix);
                if (type != null) {
                    Event event = decodeOrNull(decoder, type, message.getData());
                    if (event == null) {
                        undecodable++; // the bridge dead-letters it: nothing downstream sees it either
                    } else {
                        folder.accept(event);
                    }
                }
                if (message.metaData().streamSequence() >= last) {
                    break;
                }
            }
        } finally {
            messages.unsubscribe();
        }
        return new Result(read, undecodable, state.getFirstSequence(), last);
    }

    private static Event decodeOrNull(FoldedEventDecoder decoder, EventType type, byte[] data) {
        try {
            return decoder.decode(type, data);
        } catch (IOException | IllegalArgumentException e) {
            // Malformed JSON or a payload of another type than the subject's (Event refuses the mismatch).
            return null;
        }
    }

    /** The type of a message the reconciler folds, or null. */
    private static EventType foldedType(String subject, String typePrefix) {
        if (!subject.startsWith(typePrefix)) {
            return null;
        }
        return EventType.fromWireName(subject.substring(typePrefix.length())).filter(FOLDED::contains).orElse(null);
    }
}
