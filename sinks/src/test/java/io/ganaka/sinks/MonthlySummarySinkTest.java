package io.ganaka.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ganaka.schemas.JsonSerde;
import io.ganaka.schemas.MonthlyTotal;
import io.ganaka.schemas.Naming;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class MonthlySummarySinkTest {

    private static final String USER = UUID.randomUUID().toString();
    private final MonthlySummarySink sink = new MonthlySummarySink(new Naming("t6"));

    private static ConsumerRecord<byte[], byte[]> record(byte[] value) {
        return new ConsumerRecord<>("t6.ganaka.reports.monthly", 0, 0L, null, value);
    }

    private static byte[] json(MonthlyTotal total) {
        return new JsonSerde<>(MonthlyTotal.class).serializer().serialize("t", total);
    }

    private static MonthlySummarySink.Summary summary(int month, String currency, String total) {
        return new MonthlySummarySink.Summary(UUID.fromString(USER),
                new MonthlyTotal(USER, 2026, month, currency, new BigDecimal(total), 1), new ReportRecords.Position(0, 0));
    }

    @Test
    void decodesAMonthlyTotal() throws Exception {
        MonthlyTotal total = new MonthlyTotal(USER, 2026, 3, "EUR", new BigDecimal("12.34"), 2);

        MonthlySummarySink.Summary summary = sink.decode(record(json(total))).orElseThrow();

        assertThat(summary.userId()).isEqualTo(UUID.fromString(USER));
        assertThat(summary.total()).isEqualTo(total);
    }

    @Test
    void decodesTheMonthsExtremes() throws Exception {
        MonthlyTotal total = new MonthlyTotal(USER, 2026, 3, "EUR", new BigDecimal("12.34"), 2,
                new BigDecimal("2.34"), new BigDecimal("10.00"));

        MonthlySummarySink.Summary summary = sink.decode(record(json(total))).orElseThrow();

        assertThat(summary.total().min()).isEqualByComparingTo("2.34");
        assertThat(summary.total().max()).isEqualByComparingTo("10.00");
    }

    @Test
    void readsATotalWrittenBeforeTheExtremesExistedWithoutThem() throws Exception {
        String json = "{\"userId\":\"" + USER + "\",\"year\":2026,\"month\":3,\"currency\":\"EUR\","
                + "\"total\":\"5.00\",\"count\":1}";

        MonthlySummarySink.Summary summary =
                sink.decode(record(json.getBytes(StandardCharsets.UTF_8))).orElseThrow();

        assertThat(summary.total().total()).isEqualByComparingTo("5.00");
        assertThat(summary.total().min()).isNull();
        assertThat(summary.total().max()).isNull();
    }

    @Test
    void ignoresTombstones() throws Exception {
        assertThat(sink.decode(record(null))).isEmpty();
    }

    @Test
    void rejectsExtremesOutOfOrderAndNegativeCountsAsPoison() {
        assertThatThrownBy(() -> sink.decode(record(json(new MonthlyTotal(USER, 2026, 3, "EUR", BigDecimal.TEN, 2,
                new BigDecimal("9.00"), new BigDecimal("1.00"))))))
                .isInstanceOf(PoisonRecordException.class)
                .hasMessageContaining("invalid monthly total");
        assertThatThrownBy(() -> sink.decode(record(json(new MonthlyTotal(USER, 2026, 3, "EUR", BigDecimal.TEN, -1)))))
                .isInstanceOf(PoisonRecordException.class)
                .hasMessageContaining("invalid monthly total");
    }

    @Test
    void rejectsGarbageAndImpossibleMonthsAsPoison() {
        assertThatThrownBy(() -> sink.decode(record("nope".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(PoisonRecordException.class);
        assertThatThrownBy(() -> sink.decode(record(json(new MonthlyTotal(USER, 2026, 13, "EUR", BigDecimal.ONE, 1)))))
                .isInstanceOf(PoisonRecordException.class)
                .hasMessageContaining("invalid monthly total");
        assertThatThrownBy(() -> sink.decode(record(json(new MonthlyTotal("u1", 2026, 3, "EUR", BigDecimal.ONE, 1)))))
                .isInstanceOf(PoisonRecordException.class)
                .hasMessageContaining("userId");
    }

    @Test
    void collapsesABatchToTheLastTotalPerMonthAndCurrency() {
        List<MonthlySummarySink.Summary> rows = MonthlySummarySink.collapse(List.of(summary(3, "EUR", "1.00"),
                summary(3, "USD", "5.00"), summary(3, "EUR", "3.00"), summary(4, "EUR", "7.00")));

        assertThat(rows).extracting(s -> s.total().total().toPlainString())
                .containsExactly("3.00", "5.00", "7.00");
    }
}
