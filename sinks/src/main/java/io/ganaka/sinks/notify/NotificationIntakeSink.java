package io.ganaka.sinks.notify;

import io.ganaka.schemas.Correlation;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventCodec;
import io.ganaka.schemas.EventDecodingException;
import io.ganaka.sinks.PoisonRecordException;
import io.ganaka.sinks.Sink;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The intake of one input topic ({@code ganaka.alerts}, {@code ganaka.users}, {@code ganaka.reports.updates},
 * {@code ganaka.expenses.categorized} or {@code ganaka.notifications}): each event that asks for a notification
 * becomes a request for {@link NotificationIntake}, each event of a subscribable type one for {@link WebhookIntake};
 * a batch of both is written in the runner's transaction, whose offsets are committed after the database commit.
 */
public final class NotificationIntakeSink implements Sink<IntakeEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationIntakeSink.class);

    private final String name;
    private final String topic;
    private final NotificationIntake intake;
    private final WebhookIntake webhooks;

    public NotificationIntakeSink(String name, String topic, NotificationIntake intake, WebhookIntake webhooks) {
        this.name = name;
        this.topic = topic;
        this.intake = intake;
        this.webhooks = webhooks;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String topic() {
        return topic;
    }

    @SuppressWarnings("try") // the scope is held for the MDC entries it sets, never referenced
    @Override
    public Optional<IntakeEvent> decode(ConsumerRecord<byte[], byte[]> record) throws PoisonRecordException {
        if (record.value() == null) {
            return Optional.empty();
        }
        Event event;
        try {
            event = EventCodec.decode(record.value());
        } catch (EventDecodingException e) {
            throw new PoisonRecordException("undecodable event: " + e.getMessage(), e);
        }
        Optional<String> kind = NotificationRequest.kindOf(event);
        if (kind.isEmpty() && !WebhookEvent.wanted(event)) {
            return Optional.empty(); // of no notification's or webhook's concern (expense.categorized, ...)
        }
        UUID userId = uuid(event.userId(), "userId");
        UUID eventId = uuid(event.id(), "id");
        if (kind.isPresent()) {
            // The link from the request to its notifications, whose dispatch lines name only the source event.
            try (Correlation.Scope ignored = Correlation.open(event.correlationId());
                 MDC.MDCCloseable source = MDC.putCloseable(Correlation.SOURCE_EVENT_MDC_KEY, event.id())) {
                LOG.info("notification {} requested for user {} by {} {}", kind.get(), userId, event.type(), eventId);
            }
        }
        IntakeEvent wanted = new IntakeEvent(
                kind.map(k -> new NotificationRequest(userId, eventId, k, event.data(), event.occurredAt())),
                WebhookEvent.of(event, userId, eventId, new String(record.value(), StandardCharsets.UTF_8)));
        return Optional.of(wanted);
    }

    private static UUID uuid(String value, String field) throws PoisonRecordException {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonRecordException(field + " is not a UUID: " + value, e);
        }
    }

    @Override
    public void write(Connection connection, List<IntakeEvent> batch) throws SQLException {
        List<NotificationRequest> requests = batch.stream().flatMap(e -> e.notification().stream()).toList();
        if (!requests.isEmpty()) {
            intake.write(connection, requests);
        }
        webhooks.write(connection, batch.stream().flatMap(e -> e.webhook().stream()).toList());
    }
}
