package io.ganaka.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code expense.categorized} in {@link ExpenseSink#write} against a real, migrated Postgres: the version guard, the
 * order of writes within one batch, and replays.
 */
class ExpenseCategorizationIT {

    private static final Instant T1 = Instant.parse("2026-03-15T12:00:00Z");
    private static final Instant T2 = T1.plusSeconds(60);
    private static final Instant T3 = T1.plusSeconds(120);
    private static final Instant T4 = T1.plusSeconds(180);

    @AutoClose
    private static HikariDataSource pool;
    private final ExpenseSink sink = new ExpenseSink(new io.ganaka.schemas.Naming("categorized"));
    private final UUID user = UUID.randomUUID();
    private final UUID expense = UUID.randomUUID();
    private final UUID coffee = UUID.randomUUID();
    private final UUID food = UUID.randomUUID();

    /** What a test reads back of the expense row. */
    private record Projected(long version, String categoryId, String categorizedBy, List<String> tags,
                             String description, boolean deleted, Instant updatedAt) {}

    @BeforeAll
    static void database() {
        pool = SinkDatabase.migratedPool(2);
    }

    @BeforeEach
    void account() throws Exception {
        SinkDatabase.createAccount(pool, user);
    }

    private ExpenseRow version(long version, String description, UUID categoryId, Instant at) {
        return new ExpenseRow(user, expense, version, false, new BigDecimal("4.20"), "EUR", description, "Cafe", T1,
                categoryId, List.of("own"), null, at, at);
    }

    private ExpenseCategorization categorized(long version, UUID categoryId, Instant at, String... tags) {
        return new ExpenseCategorization(user, expense, version, categoryId, "rule", List.of(tags), at);
    }

    private void write(ExpenseWrite... batch) throws Exception {
        SinkDatabase.inTransaction(pool, c -> sink.write(c, List.of(batch)));
    }

    private Projected projected() throws Exception {
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT version, category_id, categorized_by, tags, description, deleted, updated_at FROM expenses"
                        + " WHERE user_id = ? AND id = ?")) {
            s.setObject(1, user);
            s.setObject(2, expense);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("expense row exists").isTrue();
                return new Projected(rs.getLong(1), rs.getString(2), rs.getString(3),
                        List.of((String[]) rs.getArray(4).getArray()), rs.getString(5), rs.getBoolean(6),
                        rs.getObject(7, OffsetDateTime.class).toInstant());
            }
        }
    }

    @Test
    void aCategorizationOfTheCurrentVersionSetsCategoryOriginTagsAndTime() throws Exception {
        write(version(1, "espresso", null, T1));

        write(categorized(1, coffee, T2, "own", "caffeine"));

        assertThat(projected()).isEqualTo(new Projected(1, coffee.toString(), "rule", List.of("own", "caffeine"),
                "espresso", false, T2));
    }

    @Test
    void aCategorizationOfAnOlderVersionChangesNothingSoTheUsersEditWins() throws Exception {
        write(version(1, "espresso", null, T1));
        write(version(2, "lunch", food, T2));

        write(categorized(1, coffee, T3, "caffeine"));

        assertThat(projected()).isEqualTo(new Projected(2, food.toString(), "user", List.of("own"), "lunch", false,
                T2));
    }

    @Test
    void aDeletedExpenseIsNeverCategorized() throws Exception {
        write(version(1, "espresso", null, T1), ExpenseRow.tombstone(user, expense, 2, T2));

        write(categorized(2, coffee, T3, "caffeine"), categorized(1, coffee, T3, "caffeine"));

        Projected row = projected();
        assertThat(row.deleted()).isTrue();
        assertThat(row.categoryId()).isNull();
        assertThat(row.categorizedBy()).isEqualTo("none");
    }

    @Test
    void withinOneBatchEachExpensesWritesApplyInTopicOrder() throws Exception {
        // Added, categorized by a rule, then edited by the user: the edit comes last and wins.
        write(version(1, "espresso", null, T1), categorized(1, coffee, T2, "caffeine"), version(2, "lunch", food, T3));
        assertThat(projected()).isEqualTo(new Projected(2, food.toString(), "user", List.of("own"), "lunch", false,
                T3));

        // Edited, then categorized in the same batch: the categorization must see the row its version created.
        write(version(3, "dinner", null, T4), categorized(3, coffee, T4.plusSeconds(1), "evening"));

        assertThat(projected()).isEqualTo(new Projected(3, coffee.toString(), "rule", List.of("evening"), "dinner",
                false, T4.plusSeconds(1)));
    }

    @Test
    void replayingTheTopicChangesNothing() throws Exception {
        ExpenseWrite[] topic = {version(1, "espresso", null, T1), categorized(1, coffee, T2, "caffeine"),
                categorized(1, food, T3, "snack")};
        write(topic);
        Projected once = projected();

        write(topic);
        for (ExpenseWrite single : topic) {
            write(single);
        }

        assertThat(projected()).isEqualTo(once);
        assertThat(once.categoryId()).isEqualTo(food.toString());
    }

    @Test
    void aLateDuplicateOfAnEarlierCategorizationDoesNotUndoALaterOne() throws Exception {
        write(version(1, "espresso", null, T1));
        write(categorized(1, coffee, T2, "caffeine"));
        write(categorized(1, food, T3, "snack"));

        write(categorized(1, coffee, T2, "caffeine"));

        assertThat(projected()).isEqualTo(new Projected(1, food.toString(), "rule", List.of("snack"), "espresso",
                false, T3));
    }
}
