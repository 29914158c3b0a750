package io.ganaka.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ganaka.schemas.CategoryTotal;
import io.ganaka.schemas.JsonSerde;
import io.ganaka.schemas.Naming;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class CategorySummarySinkTest {

    private static final String USER = UUID.randomUUID().toString();
    private static final String COFFEE = UUID.randomUUID().toString();
    private final CategorySummarySink sink = new CategorySummarySink(new Naming("t7"));

    private static ConsumerRecord<byte[], byte[]> record(byte[] value) {
        return new ConsumerRecord<>("t7.ganaka.reports.categories", 0, 0L, null, value);
    }

    private static byte[] json(CategoryTotal total) {
        return new JsonSerde<>(CategoryTotal.class).serializer().serialize("t", total);
    }

    private static CategoryTotal total(String categoryId, int month, String amount) {
        return new CategoryTotal(USER, 2026, month, categoryId, "EUR", new BigDecimal(amount), 1);
    }

    @Test
    void consumesTheCategoriesReportTopic() {
        assertThat(sink.topic()).isEqualTo("t7.ganaka.reports.categories");
    }

    @Test
    void decodesACategoryTotal() throws Exception {
        CategorySummarySink.Summary summary = sink.decode(record(json(total(COFFEE, 3, "12.34")))).orElseThrow();

        assertThat(summary.userId()).isEqualTo(UUID.fromString(USER));
        assertThat(summary.categoryId()).isEqualTo(UUID.fromString(COFFEE));
        assertThat(summary.total().total()).isEqualByComparingTo("12.34");
    }

    @Test
    void decodesUncategorizedAsANullCategory() throws Exception {
        CategorySummarySink.Summary summary = sink.decode(record(json(total(null, 3, "1.00")))).orElseThrow();

        assertThat(summary.categoryId()).isNull();
    }

    @Test
    void ignoresTombstones() throws Exception {
        assertThat(sink.decode(record(null))).isEmpty();
    }

    @Test
    void rejectsGarbageMalformedIdsAndImpossibleTotalsAsPoison() {
        assertThatThrownBy(() -> sink.decode(record("nope".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(PoisonRecordException.class).hasMessageContaining("undecodable category total");
        assertThatThrownBy(() -> sink.decode(record("null".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(PoisonRecordException.class).hasMessageContaining("undecodable category total");
        assertThatThrownBy(() -> sink.decode(record(json(total("coffee", 3, "1.00")))))
                .isInstanceOf(PoisonRecordException.class).hasMessageContaining("categoryId");
        assertThatThrownBy(() -> sink.decode(record(json(new CategoryTotal("u1", 2026, 3, null, "EUR",
                BigDecimal.ONE, 1))))).isInstanceOf(PoisonRecordException.class).hasMessageContaining("userId");
        assertThatThrownBy(() -> sink.decode(record(json(total(COFFEE, 0, "1.00")))))
                .isInstanceOf(PoisonRecordException.class).hasMessageContaining("invalid category total");
        assertThatThrownBy(() -> sink.decode(record(json(new CategoryTotal(USER, 2026, 3, null, null,
                BigDecimal.ONE, 1))))).isInstanceOf(PoisonRecordException.class)
                .hasMessageContaining("invalid category total");
        assertThatThrownBy(() -> sink.decode(record(json(new CategoryTotal(USER, 2026, 3, null, "EUR", null, 1)))))
                .isInstanceOf(PoisonRecordException.class).hasMessageContaining("invalid category total");
        assertThatThrownBy(() -> sink.decode(record(json(new CategoryTotal(USER, 2026, 3, null, "EUR", new BigDecimal("3.00"),
                2, new BigDecimal("2.00"), new BigDecimal("1.00")))))).isInstanceOf(PoisonRecordException.class)
                .hasMessageContaining("invalid category total");
    }

    @Test
    void acceptsATotalWithItsSmallestAndLargestExpense() throws Exception {
        CategoryTotal total = new CategoryTotal(USER, 2026, 3, COFFEE, "EUR", new BigDecimal("3.00"), 2,
                new BigDecimal("1.00"), new BigDecimal("2.00"));

        assertThat(sink.decode(record(json(total)))).map(CategorySummarySink.Summary::total).hasValue(total);
    }

    @Test
    void collapsesABatchToTheLastTotalPerMonthCategoryAndCurrencyWithUncategorizedAsOneKey() throws Exception {
        List<CategorySummarySink.Summary> batch = List.of(
                sink.decode(record(json(total(COFFEE, 3, "1.00")))).orElseThrow(),
                sink.decode(record(json(total(null, 3, "2.00")))).orElseThrow(),
                sink.decode(record(json(total(COFFEE, 3, "3.00")))).orElseThrow(),
                sink.decode(record(json(total(null, 3, "4.00")))).orElseThrow(),
                sink.decode(record(json(total(COFFEE, 4, "5.00")))).orElseThrow());

        assertThat(ReportRecords.lastPerKey(batch, CategorySummarySink.Summary::key))
                .extracting(s -> s.total().total().toPlainString()).containsExactly("3.00", "4.00", "5.00");
    }
}
