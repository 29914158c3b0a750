package io.ganaka.api.expenses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.ganaka.schemas.Json;
import io.ganaka.sql.Migrator;
import io.ganaka.testkit.TestEnvironment;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGStatement;

/**
 * The plan Postgres chooses for the exact list query the repository runs ({@link ExpenseRepository#LIST_SQL}, bound by
 * the same code), on a table filled like a real one and analyzed: hundreds of users with 20 to 180 expenses each and
 * one long-standing user with 1,500 over three years, some deleted, some categorized, in three currencies. The
 * planner is left alone; the list must still touch one hash partition and read it through the list index.
 */
class ExpenseListPlanIT {

    private static final String LIST_INDEX = "expenses_user_occurred";
    private static final UUID HEAVY_USER = UUID.fromString("0190f1e2-0000-7000-8000-00000000cafe");

    private static TestEnvironment env;
    private static HikariDataSource db;

    @BeforeAll
    static void fillARealisticTable() throws Exception {
        env = TestEnvironment.start();
        Migrator.createDatabaseIfMissing(env.jdbcUrl());
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(env.jdbcUrl());
        config.setMaximumPoolSize(2);
        db = new HikariDataSource(config);
        Migrator.migrate(db);
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT setseed(0.42)");
            s.execute(insertExpenses("(SELECT gen_random_uuid() AS id, 20 + (random() * 160)::int AS n"
                    + " FROM generate_series(1, 500)) u"));
            s.execute(insertExpenses("(SELECT '" + HEAVY_USER + "'::uuid AS id, 1500 AS n) u"));
            s.execute("ANALYZE expenses");
        }
    }

    /** Expenses for each user {@code u(id, n)}: n of them over the last three years, as people record them. */
    private static String insertExpenses(String users) {
        return """
                INSERT INTO expenses (user_id, id, version, amount, currency, description, merchant, occurred_at,
                                      category_id, categorized_by, tags, notes, deleted, created_at, updated_at)
                SELECT u.id, gen_random_uuid(), 1 + (random() * 2)::int, round((1 + random() * 200)::numeric, 2),
                       (ARRAY['EUR', 'EUR', 'EUR', 'USD', 'GBP'])[1 + (random() * 4)::int],
                       (ARRAY['Espresso', 'Lunch', 'Groceries', 'Train ticket', 'Cinema', 'Books', 'Rent',
                              'Pharmacy'])[1 + (random() * 7)::int],
                       (ARRAY['Nero', 'Lidl', 'DB', 'Amazon', NULL])[1 + (random() * 4)::int],
                       timestamptz '2023-06-01' + random() * interval '1095 days',
                       CASE WHEN random() < 0.3 THEN gen_random_uuid() END, 'none', '{}', NULL, random() < 0.05,
                       now(), now()
                FROM %s, LATERAL generate_series(1, u.n)
                """.formatted(users);
    }

    @AfterAll
    static void dropEverything() throws Exception {
        TestEnvironment environment = env;
        HikariDataSource pool = db;
        try (environment; pool) {
            // The pool closes first, then the environment drops the database.
        }
    }

    @Test
    void theFirstPageIsAnIndexScanOfTheListIndexInOnePartition() throws Exception {
        JsonNode plan = explain(ExpenseListRequest.parse(Map.of()));

        assertOnePartition(plan);
        assertOrderedIndexScan(plan);
    }

    @Test
    void aLaterPageWithinADateRangeIsAnIndexScanOfTheListIndexInOnePartition() throws Exception {
        ExpenseCursor cursor = new ExpenseCursor(Instant.parse("2025-06-01T10:00:00Z"), UUID.randomUUID());
        JsonNode plan = explain(ExpenseListRequest.parse(Map.of(
                "cursor", List.of(cursor.encode()), "from", List.of("2024-01-01"), "to", List.of("2026-01-01"))));

        assertOnePartition(plan);
        assertOrderedIndexScan(plan);
        assertThat(indexConditions(plan)).as("the cursor and the date range bound the index scan")
                .contains("occurred_at, id").contains("occurred_at >=").contains("occurred_at <");
    }

    @Test
    void aNarrowlyFilteredPageStillTouchesOnlyTheUsersPartition() throws Exception {
        JsonNode plan = explain(ExpenseListRequest.parse(Map.of("categoryId", List.of("none"),
                "currency", List.of("EUR"), "minAmount", List.of("10"), "maxAmount", List.of("100"),
                "q", List.of("esp"))));

        // When few rows match, reading them all and sorting the handful may rightly beat walking the list index in
        // order (the planner picks a bitmap or sequential scan here); the partition pruning must hold regardless.
        assertOnePartition(plan);
    }

    // ---- the plan -------------------------------------------------------------------------------------------------

    private static JsonNode explain(ExpenseListRequest request) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("EXPLAIN (FORMAT JSON) " + ExpenseRepository.LIST_SQL)) {
            // As ExpenseRepository.list runs it: planned with the bound values.
            s.unwrap(PGStatement.class).setPrepareThreshold(0);
            ExpenseRepository.bindList(s, HEAVY_USER, request, request.limit() + 1);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return Json.MAPPER.readTree(rs.getString(1)).get(0).get("Plan");
            }
        }
    }

    private static void assertOnePartition(JsonNode plan) throws Exception {
        Set<String> relations = new TreeSet<>();
        nodes(plan).forEach(node -> {
            if (node.has("Relation Name")) {
                relations.add(node.get("Relation Name").asText());
            }
        });
        assertThat(relations).as(plan.toPrettyString()).singleElement().asString().matches("expenses_p\\d+");
        assertThat(relations.iterator().next()).isEqualTo(partitionOf(HEAVY_USER));
    }

    /** An Index Scan of the list index that delivers the rows in list order: no Sort, no other scan. */
    private static void assertOrderedIndexScan(JsonNode plan) throws Exception {
        List<JsonNode> scans = nodes(plan).stream().filter(n -> n.path("Node Type").asText().contains("Scan")).toList();
        assertThat(scans).as(plan.toPrettyString()).singleElement().satisfies(scan -> {
            assertThat(scan.path("Node Type").asText()).isEqualTo("Index Scan");
            assertThat(scan.path("Scan Direction").asText()).isEqualTo("Forward");
            assertThat(parentIndex(scan.path("Index Name").asText())).isEqualTo(LIST_INDEX);
        });
        assertThat(nodes(plan)).as(plan.toPrettyString())
                .noneSatisfy(node -> assertThat(node.path("Node Type").asText()).isEqualTo("Sort"));
    }

    private static String indexConditions(JsonNode plan) {
        StringBuilder conditions = new StringBuilder();
        nodes(plan).forEach(node -> conditions.append(node.path("Index Cond").asText("")).append('\n'));
        return conditions.toString();
    }

    private static List<JsonNode> nodes(JsonNode plan) {
        List<JsonNode> all = new ArrayList<>();
        all.add(plan);
        for (JsonNode child : plan.path("Plans")) {
            all.addAll(nodes(child));
        }
        return all;
    }

    /** The partitioned index a partition's index belongs to (Postgres names the partitions' copies itself). */
    private static String parentIndex(String partitionIndex) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT inhparent::regclass::text FROM pg_inherits"
                     + " WHERE inhrelid = to_regclass(?)")) {
            s.setString(1, partitionIndex);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : "(no parent: " + partitionIndex + ")";
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The partition that holds a user's rows, asked of Postgres rather than recomputed. */
    private static String partitionOf(UUID userId) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT DISTINCT tableoid::regclass::text FROM expenses WHERE user_id = ?")) {
            s.setObject(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
