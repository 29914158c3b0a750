package io.ganaka.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventCodec;
import io.ganaka.schemas.EventPayload;
import io.ganaka.schemas.Naming;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class ExpenseSinkTest {

    private static final UUID USER = UUID.fromString("0190a000-0000-7000-8000-000000000001");
    private static final UUID EXPENSE = UUID.fromString("0190a000-0000-7000-8000-0000000000e1");
    private static final Instant T1 = Instant.parse("2026-03-15T12:00:00Z");

    private final ExpenseSink sink = new ExpenseSink(new Naming("t5"));

    private static ConsumerRecord<byte[], byte[]> record(byte[] value) {
        return new ConsumerRecord<>("t5.ganaka.expenses", 0, 0L, USER.toString().getBytes(StandardCharsets.UTF_8),
                value);
    }

    private static Event event(Instant at, EventPayload payload) {
        Event e = Event.create(USER.toString(), null, payload);
        return new Event(e.id(), e.type(), e.schemaVersion(), at, e.userId(), null, payload);
    }

    private static EventPayload.ExpenseAdded added(String amount, String categoryId) {
        return new EventPayload.ExpenseAdded(EXPENSE.toString(), 1, new BigDecimal(amount), "EUR", "coffee", "Cafe",
                T1, categoryId, List.of("work"), "n");
    }

    private static ExpenseRow row(long version, boolean deleted, String amount, Instant at) {
        return deleted
                ? ExpenseRow.tombstone(USER, EXPENSE, version, at)
                : new ExpenseRow(USER, EXPENSE, version, false, new BigDecimal(amount), "EUR", "d", null, T1, null,
                        List.of(), null, at, at);
    }

    @Test
    void decodesAnAddWithItsEventTimeAsCreatedAndUpdated() throws Exception {
        Instant at = Instant.parse("2026-03-15T12:00:01Z");

        ExpenseRow row = (ExpenseRow) sink.decode(record(EventCodec.encode(event(at, added("12.34", null))))).orElseThrow();

        assertThat(row.userId()).isEqualTo(USER);
        assertThat(row.id()).isEqualTo(EXPENSE);
        assertThat(row.version()).isEqualTo(1);
        assertThat(row.amount()).isEqualByComparingTo("12.34");
        assertThat(row.createdAt()).isEqualTo(at);
        assertThat(row.updatedAt()).isEqualTo(at);
        assertThat(row.categorizedBy()).isEqualTo("none");
        assertThat(row.deleted()).isFalse();
    }

    @Test
    void marksAnExpenseWithACategoryAsCategorizedByTheUser() throws Exception {
        String category = UUID.randomUUID().toString();

        ExpenseRow row = (ExpenseRow) sink.decode(record(EventCodec.encode(event(T1, added("1.00", category)))))
                .orElseThrow();

        assertThat(row.categorizedBy()).isEqualTo("user");
    }

    @Test
    void decodesADeleteAsATombstone() throws Exception {
        Event delete = event(T1, new EventPayload.ExpenseDeleted(EXPENSE.toString(), 3));

        ExpenseRow row = (ExpenseRow) sink.decode(record(EventCodec.encode(delete))).orElseThrow();

        assertThat(row.deleted()).isTrue();
        assertThat(row.version()).isEqualTo(3);
    }

    @Test
    void ignoresEventsThatAreNotExpenseChanges() throws Exception {
        Event login = event(T1, new EventPayload.UserLoggedIn("password"));

        assertThat(sink.decode(record(EventCodec.encode(login)))).isEmpty();
        assertThat(sink.decode(record(null))).isEmpty();
    }

    @Test
    void rejectsUndecodableBytesAsPoison() {
        assertThatThrownBy(() -> sink.decode(record("{oops".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(PoisonRecordException.class)
                .hasMessageStartingWith("undecodable event");
    }

    @Test
    void rejectsAnExpenseIdThatIsNotAUuidAsPoison() {
        EventPayload.ExpenseAdded bad = new EventPayload.ExpenseAdded("not-a-uuid", 1, BigDecimal.ONE, "EUR", "d", null,
                T1, null, List.of(), null);

        assertThatThrownBy(() -> sink.decode(record(EventCodec.encode(event(T1, bad)))))
                .isInstanceOf(PoisonRecordException.class)
                .hasMessageContaining("expenseId");
    }

    @Test
    void collapsesVersionsOfOneExpenseToTheNewestKeepingTheFirstTime() {
        Instant t2 = T1.plusSeconds(60);
        Instant t3 = T1.plusSeconds(120);

        List<ExpenseRow> rows = ExpenseSink.collapse(List.of(row(2, false, "20.00", t2), row(3, false, "30.00", t3),
                row(1, false, "10.00", T1), row(2, false, "20.00", t2)));

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).version()).isEqualTo(3);
        assertThat(rows.get(0).amount()).isEqualByComparingTo("30.00");
        assertThat(rows.get(0).createdAt()).isEqualTo(T1);
        assertThat(rows.get(0).updatedAt()).isEqualTo(t3);
    }

    @Test
    void collapsingADeleteWithItsAddKeepsTheDataAndTheDeletion() {
        Instant t2 = T1.plusSeconds(60);

        List<ExpenseRow> rows = ExpenseSink.collapse(List.of(row(2, true, null, t2), row(1, false, "10.00", T1)));

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.deleted()).isTrue();
            assertThat(r.version()).isEqualTo(2);
            assertThat(r.amount()).isEqualByComparingTo("10.00");
            assertThat(r.currency()).isEqualTo("EUR");
            assertThat(r.createdAt()).isEqualTo(T1);
            assertThat(r.updatedAt()).isEqualTo(t2);
        });
    }

    @Test
    void keepsDifferentExpensesApart() {
        ExpenseRow other = new ExpenseRow(USER, UUID.randomUUID(), 1, false, BigDecimal.ONE, "EUR", "d", null, T1,
                null, List.of(), null, T1, T1);

        assertThat(ExpenseSink.collapse(List.of(row(1, false, "1.00", T1), other))).hasSize(2);
    }

    private static ExpenseCategorization categorization(UUID expense, long version, String tag) {
        return new ExpenseCategorization(USER, expense, version, UUID.randomUUID(), "rule", List.of(tag), T1);
    }

    private static ExpenseRow version(UUID expense, long version) {
        return new ExpenseRow(USER, expense, version, false, BigDecimal.ONE, "EUR", "d", null, T1, null, List.of(),
                null, T1, T1);
    }

    @Test
    void decodesACategorizationWithItsVersionCategoryOriginAndTags() throws Exception {
        String category = UUID.randomUUID().toString();
        Instant at = T1.plusSeconds(5);
        Event categorized = event(at, new EventPayload.ExpenseCategorized(EXPENSE.toString(), 2, category, "rule",
                List.of("work", "coffee"), UUID.randomUUID().toString(), "rules-applied"));

        ExpenseCategorization change = (ExpenseCategorization) sink.decode(record(EventCodec.encode(categorized)))
                .orElseThrow();

        assertThat(change.userId()).isEqualTo(USER);
        assertThat(change.id()).isEqualTo(EXPENSE);
        assertThat(change.expenseVersion()).isEqualTo(2);
        assertThat(change.categoryId()).hasToString(category);
        assertThat(change.categorizedBy()).isEqualTo("rule");
        assertThat(change.tags()).containsExactly("work", "coffee");
        assertThat(change.at()).isEqualTo(at);
    }

    @Test
    void decodesAClearedCategorizationWithoutACategory() throws Exception {
        Event cleared = event(T1, new EventPayload.ExpenseCategorized(EXPENSE.toString(), 1, null, "none", List.of(),
                null, "category-deleted"));

        ExpenseCategorization change = (ExpenseCategorization) sink.decode(record(EventCodec.encode(cleared)))
                .orElseThrow();

        assertThat(change.categoryId()).isNull();
        assertThat(change.categorizedBy()).isEqualTo("none");
    }

    @Test
    void rejectsACategorizationWithAnUnknownOriginOrNoVersionAsPoison() {
        Event unknownOrigin = event(T1, new EventPayload.ExpenseCategorized(EXPENSE.toString(), 1, null, "magic",
                List.of(), null, "rule"));
        Event noVersion = event(T1, new EventPayload.ExpenseCategorized(EXPENSE.toString(), 0, null, "rule",
                List.of(), null, "rule"));

        assertThatThrownBy(() -> sink.decode(record(EventCodec.encode(unknownOrigin))))
                .isInstanceOf(PoisonRecordException.class).hasMessageContaining("categorizedBy");
        assertThatThrownBy(() -> sink.decode(record(EventCodec.encode(noVersion))))
                .isInstanceOf(PoisonRecordException.class).hasMessageContaining("expenseVersion");
    }

    @Test
    void aCategorizationAfterItsVersionRunsInALaterRoundThanTheVersion() {
        ExpenseRow add = version(EXPENSE, 1);
        ExpenseCategorization categorized = categorization(EXPENSE, 1, "a");

        List<ExpenseSink.Round> rounds = ExpenseSink.rounds(List.of(add, categorized));

        assertThat(rounds).containsExactly(
                new ExpenseSink.Round(List.of(add), List.of()),
                new ExpenseSink.Round(List.of(), List.of(categorized)));
    }

    @Test
    void aVersionAfterACategorizationRunsInALaterRoundSoItsDataWins() {
        ExpenseRow add = version(EXPENSE, 1);
        ExpenseCategorization categorized = categorization(EXPENSE, 1, "a");
        ExpenseRow update = version(EXPENSE, 2);
        ExpenseCategorization stale = categorization(EXPENSE, 1, "b");

        List<ExpenseSink.Round> rounds = ExpenseSink.rounds(List.of(add, categorized, update, stale));

        assertThat(rounds).containsExactly(
                new ExpenseSink.Round(List.of(add), List.of()),
                new ExpenseSink.Round(List.of(), List.of(categorized)),
                new ExpenseSink.Round(List.of(update), List.of()),
                new ExpenseSink.Round(List.of(), List.of(stale)));
    }

    @Test
    void consecutiveWritesOfOneKindShareARoundAndOtherExpensesDoNotWait() {
        UUID other = UUID.randomUUID();
        ExpenseRow add = version(EXPENSE, 1);
        ExpenseRow update = version(EXPENSE, 2);
        ExpenseCategorization first = categorization(EXPENSE, 2, "a");
        ExpenseCategorization second = categorization(EXPENSE, 2, "b");
        ExpenseCategorization otherCategorized = categorization(other, 1, "c");
        ExpenseRow otherAdd = version(other, 1);

        List<ExpenseSink.Round> rounds = ExpenseSink.rounds(
                List.of(add, otherCategorized, update, first, otherAdd, second));

        // Each expense keeps its own order; the other expense's categorization (of a row written by an earlier batch)
        // needs no wait, and its add comes one round after it.
        assertThat(rounds).containsExactly(
                new ExpenseSink.Round(List.of(add, update), List.of(otherCategorized)),
                new ExpenseSink.Round(List.of(otherAdd), List.of(first, second)));
    }
}
