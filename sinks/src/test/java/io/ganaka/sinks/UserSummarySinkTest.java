package io.ganaka.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ganaka.schemas.JsonSerde;
import io.ganaka.schemas.Naming;
import io.ganaka.schemas.SummaryTotal;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class UserSummarySinkTest {

    private static final String USER = UUID.randomUUID().toString();
    private final UserSummarySink sink = new UserSummarySink(new Naming("t8"));

    private static ConsumerRecord<byte[], byte[]> record(byte[] value) {
        return new ConsumerRecord<>("t8.ganaka.reports.summary", 0, 0L, null, value);
    }

    private static byte[] json(SummaryTotal total) {
        return new JsonSerde<>(SummaryTotal.class).serializer().serialize("t", total);
    }

    private static SummaryTotal total(String currency, String amount) {
        return new SummaryTotal(USER, currency, new BigDecimal(amount), 1, new BigDecimal(amount),
                new BigDecimal(amount));
    }

    @Test
    void consumesTheSummaryReportTopic() {
        assertThat(sink.topic()).isEqualTo("t8.ganaka.reports.summary");
    }

    @Test
    void decodesASummaryTotalWithItsExtremes() throws Exception {
        SummaryTotal total = new SummaryTotal(USER, "EUR", new BigDecimal("12.34"), 2, new BigDecimal("2.34"),
                new BigDecimal("10.00"));

        UserSummarySink.Summary summary = sink.decode(record(json(total))).orElseThrow();

        assertThat(summary.userId()).isEqualTo(UUID.fromString(USER));
        assertThat(summary.total()).isEqualTo(total);
    }

    @Test
    void decodesATotalThatFellToZeroWithoutExtremes() throws Exception {
        SummaryTotal zero = new SummaryTotal(USER, "EUR", new BigDecimal("0.00"), 0, null, null);

        assertThat(sink.decode(record(json(zero))).orElseThrow().total()).isEqualTo(zero);
    }

    @Test
    void ignoresTombstones() throws Exception {
        assertThat(sink.decode(record(null))).isEmpty();
    }

    @Test
    void rejectsGarbageMalformedUsersAndImpossibleTotalsAsPoison() {
        assertThatThrownBy(() -> sink.decode(record("[]".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(PoisonRecordException.class).hasMessageContaining("undecodable summary total");
        assertThatThrownBy(() -> sink.decode(record(json(new SummaryTotal(null, "EUR", BigDecimal.ONE, 1, null,
                null))))).isInstanceOf(PoisonRecordException.class).hasMessageContaining("userId");
        assertThatThrownBy(() -> sink.decode(record(json(new SummaryTotal(USER, "EUR", BigDecimal.ONE, -1, null,
                null))))).isInstanceOf(PoisonRecordException.class).hasMessageContaining("invalid summary total");
        assertThatThrownBy(() -> sink.decode(record(json(new SummaryTotal(USER, "EUR", BigDecimal.TEN, 2,
                new BigDecimal("9.00"), new BigDecimal("1.00"))))))
                .isInstanceOf(PoisonRecordException.class).hasMessageContaining("invalid summary total");
    }

    @Test
    void collapsesABatchToTheLastTotalPerCurrency() throws Exception {
        List<UserSummarySink.Summary> batch = List.of(sink.decode(record(json(total("EUR", "1.00")))).orElseThrow(),
                sink.decode(record(json(total("USD", "2.00")))).orElseThrow(),
                sink.decode(record(json(total("EUR", "3.00")))).orElseThrow());

        assertThat(ReportRecords.lastPerKey(batch, UserSummarySink.Summary::key))
                .extracting(s -> s.total().total().toPlainString()).containsExactly("3.00", "2.00");
    }
}
