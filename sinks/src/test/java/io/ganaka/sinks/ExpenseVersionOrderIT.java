package io.ganaka.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.ganaka.schemas.Naming;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The expense row a set of versions leaves must not depend on the order they arrive in, nor on how they are cut into
 * batches: otherwise a replay (which batches differently) would change the table. Real, migrated Postgres.
 */
class ExpenseVersionOrderIT {

    private static final Instant T0 = Instant.parse("2026-03-15T12:00:00Z");

    @AutoClose
    private static HikariDataSource pool;
    private final ExpenseSink sink = new ExpenseSink(new Naming("order"));

    @BeforeAll
    static void database() {
        pool = SinkDatabase.migratedPool(2);
    }

    @Test
    void aTombstoneThatCameFirstEndsWithTheNewestVersionsDataWhateverTheOrderAndBatching() throws Exception {
        List<String> outcomes = new ArrayList<>();
        for (List<Integer> order : List.of(List.of(0, 1, 2), List.of(0, 2, 1), List.of(1, 0, 2), List.of(1, 2, 0),
                List.of(2, 0, 1), List.of(2, 1, 0))) {
            for (boolean oneBatch : new boolean[] {true, false}) {
                UUID user = account();
                UUID expense = UUID.randomUUID();
                List<ExpenseRow> versions = List.of(
                        ExpenseRow.tombstone(user, expense, 3, T0.plusSeconds(3)),
                        version(user, expense, 1, "30.00", List.of("a", "b")),
                        version(user, expense, 2, "31.00", List.of()));
                List<ExpenseWrite> writes = order.stream().<ExpenseWrite>map(versions::get).toList();
                if (oneBatch) {
                    write(writes);
                } else {
                    for (ExpenseWrite w : writes) {
                        write(List.of(w));
                    }
                }
                outcomes.add(row(user, expense));
            }
        }

        assertThat(outcomes).containsOnly("version=3 deleted=true amount=31.00 tags={} data_version=2");
    }

    @Test
    void aLateOlderVersionNeverOverwritesTheDataOfALiveNewerOne() throws Exception {
        UUID user = account();
        UUID expense = UUID.randomUUID();

        write(List.of(version(user, expense, 2, "31.00", List.of())));
        write(List.of(version(user, expense, 1, "30.00", List.of("a"))));

        assertThat(row(user, expense)).isEqualTo("version=2 deleted=false amount=31.00 tags={} data_version=2");
    }

    private static ExpenseRow version(UUID user, UUID expense, long version, String amount, List<String> tags) {
        Instant at = T0.plusSeconds(version);
        return new ExpenseRow(user, expense, version, false, new BigDecimal(amount), "EUR", "v" + version, null, T0,
                null, tags, null, at, at);
    }

    private void write(List<ExpenseWrite> batch) throws Exception {
        SinkDatabase.inTransaction(pool, c -> sink.write(c, batch));
    }

    private static UUID account() throws Exception {
        UUID user = UUID.randomUUID();
        SinkDatabase.createAccount(pool, user);
        return user;
    }

    private static String row(UUID user, UUID expense) throws Exception {
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT version, deleted, amount, tags, data_version FROM expenses WHERE user_id = ? AND id = ?")) {
            s.setObject(1, user);
            s.setObject(2, expense);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("expense row exists").isTrue();
                return "version=" + rs.getLong(1) + " deleted=" + rs.getBoolean(2) + " amount=" + rs.getBigDecimal(3)
                        + " tags=" + rs.getString(4) + " data_version=" + rs.getLong(5);
            }
        }
    }
}
