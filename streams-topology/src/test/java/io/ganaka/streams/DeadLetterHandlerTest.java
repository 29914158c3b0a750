package io.ganaka.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload;
import io.ganaka.schemas.EventSerde;
import io.ganaka.schemas.Naming;
import io.ganaka.schemas.Topic;
import io.ganaka.streams.categorize.CategorizationTopology;
import io.ganaka.streams.reports.AggregatesTopology;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records put straight on the topologies' input topics that are not events (garbage bytes), or whose content breaks
 * a processor, go to the dead-letter topic with a reason, and the events after them still flow.
 */
class DeadLetterHandlerTest {

    private static final Naming NAMING = new Naming("topo");
    private static final Instant T0 = Instant.parse("2026-03-15T08:30:00Z");

    private final MockProducer<byte[], byte[]> dlq =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final String user = UUID.randomUUID().toString();

    @TempDir
    Path stateDir;

    @Test
    void garbageOnTheCategorizationsInputIsDeadLetteredAndLaterEventsStillFlow() {
        try (TopologyTestDriver driver = driver(CategorizationTopology.build(NAMING,
                new BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers()), "categorize")) {
            String expenses = NAMING.topic(Topic.EXPENSES);
            pipeRaw(driver, expenses, "{not an event".getBytes(StandardCharsets.UTF_8));
            pipeRaw(driver, expenses, new byte[] {0, (byte) 0xff, 0x10});
            Event lunch = added("Lunch", "9.99");
            pipe(driver, expenses, lunch);

            assertThat(driver.createOutputTopic(NAMING.topic(Topic.EXPENSES_CATEGORIZED), new StringDeserializer(),
                    new EventSerde().deserializer()).readValuesToList()).extracting(Event::id).containsExactly(lunch.id());
            assertThat(reasons()).hasSize(2).allSatisfy(reason -> assertThat(reason).startsWith("undecodable event"));
            assertThat(dlq.history()).allSatisfy(r -> assertThat(r.topic()).isEqualTo(NAMING.topic(Topic.DLQ)));
            assertThat(dlq.history()).extracting(r -> header(r, StreamsDeadLetters.SOURCE_HEADER))
                    .allSatisfy(source -> assertThat(source).startsWith("streams:" + expenses));
            assertThat(dlq.history()).extracting(r -> new String(r.key(), StandardCharsets.UTF_8)).containsOnly(user);
        }
    }

    @Test
    void garbageAndAnIncompleteExpenseOnTheAggregatesInputAreDeadLetteredAndLaterEventsStillFlow() {
        try (TopologyTestDriver driver = driver(AggregatesTopology.build(NAMING,
                new BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers()), "reports")) {
            String categorized = NAMING.topic(Topic.EXPENSES_CATEGORIZED);
            pipeRaw(driver, categorized, "[]".getBytes(StandardCharsets.UTF_8));
            pipeRaw(driver, categorized, schemaInvalidExpense());
            pipe(driver, categorized, added("Lunch", "9.99"));
            // The aggregates emit the reports that changed once a commit interval has passed.
            driver.advanceWallClockTime(StreamsSettings.DEFAULT_COMMIT_INTERVAL);

            assertThat(driver.createOutputTopic(NAMING.topic(Topic.REPORTS_MONTHLY), new StringDeserializer(),
                    new StringDeserializer()).readValuesToList()).isNotEmpty();
            // The expense.added without amount, currency or date is refused when decoded, with the field it lacks.
            assertThat(reasons()).hasSize(2).allSatisfy(reason -> assertThat(reason).startsWith("undecodable event"));
            assertThat(reasons().get(1)).contains("lacks its required field 'expenseId'");
        }
    }

    @Test
    void aRecordThatFailsAProcessorIsDeadLetteredWithTheFailureAndATransientFailureIsNot() {
        DeadLetterHandler handler = new DeadLetterHandler();
        handler.configure(Map.of(DeadLetterHandler.DEAD_LETTERS_CONFIG, new StreamsDeadLetters(dlq,
                NAMING.topic(Topic.DLQ))));
        byte[] raw = "{\"type\":\"expense.added\"}".getBytes(StandardCharsets.UTF_8);
        ErrorHandlerContext context = context(raw);

        assertThat(handler.handle(context, new Record<>(user, raw, 0L), new NullPointerException("amount")))
                .isEqualTo(ProcessingExceptionHandler.ProcessingHandlerResponse.CONTINUE);
        assertThat(handler.handle(context, new Record<>(user, raw, 0L),
                new StreamsException(new TimeoutException("broker away"))))
                .isEqualTo(ProcessingExceptionHandler.ProcessingHandlerResponse.FAIL);

        assertThat(dlq.history()).singleElement().satisfies(r -> {
            assertThat(r.value()).isEqualTo(raw);
            assertThat(header(r, StreamsDeadLetters.REASON_HEADER))
                    .isEqualTo("processing failed in KSTREAM-MAP-0000000001: java.lang.NullPointerException: amount");
            assertThat(header(r, StreamsDeadLetters.SOURCE_HEADER)).isEqualTo("streams:in-2@7");
        });
    }

    private ErrorHandlerContext context(byte[] raw) {
        return new ErrorHandlerContext() {
            @Override public String topic() { return "in"; }
            @Override public int partition() { return 2; }
            @Override public long offset() { return 7; }
            @Override public Headers headers() { return new RecordHeaders(); }
            @Override public String processorNodeId() { return "KSTREAM-MAP-0000000001"; }
            @Override public TaskId taskId() { return new TaskId(0, 2); }
            @Override public long timestamp() { return 0; }
            @Override public byte[] sourceRawKey() { return user.getBytes(StandardCharsets.UTF_8); }
            @Override public byte[] sourceRawValue() { return raw; }
        };
    }

    private TopologyTestDriver driver(Topology topology, String suffix) {
        Properties properties = StreamsSettings.singleBroker(NAMING, "unused:9092", stateDir).toProperties(suffix);
        properties.put(DeadLetterHandler.DEAD_LETTERS_CONFIG, new StreamsDeadLetters(dlq, NAMING.topic(Topic.DLQ)));
        return new TopologyTestDriver(topology, properties);
    }

    /** An expense.added envelope whose data has none of the fields an expense needs. */
    private byte[] schemaInvalidExpense() {
        return ("{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"expense.added\",\"schemaVersion\":1,"
                + "\"occurredAt\":\"2026-03-15T08:30:00Z\",\"userId\":\"" + user + "\",\"data\":{}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private Event added(String description, String amount) {
        return Event.create(user, "test", new EventPayload.ExpenseAdded(UUID.randomUUID().toString(), 1,
                new BigDecimal(amount), "EUR", description, null, T0, null, List.of(), null));
    }

    private void pipeRaw(TopologyTestDriver driver, String topic, byte[] value) {
        driver.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer()).pipeInput(user, value, T0);
    }

    private void pipe(TopologyTestDriver driver, String topic, Event event) {
        driver.createInputTopic(topic, new StringSerializer(), new EventSerde().serializer())
                .pipeInput(user, event, T0);
    }

    private List<String> reasons() {
        return dlq.history().stream().map(r -> header(r, StreamsDeadLetters.REASON_HEADER)).toList();
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
