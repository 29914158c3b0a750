package io.ganaka.api;

import static io.ganaka.api.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ganaka.api.RunningApi.User;
import io.ganaka.schemas.Json;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /reports/*} over real HTTP against real Postgres. There are no sinks here: the report tables are seeded with
 * SQL as the sinks would write them.
 */
class ReportsApiIT {

    @AutoClose
    private static RunningApi running;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        running = new RunningApi(ApiOptions.sharedEnvironment().namingSuffix("-reports")
                .hasher(4, Duration.ofSeconds(10)));
        api = running.client;
    }

    // ---- seeding, as the sinks write -------------------------------------------------------------------------------

    private static void monthly(User user, int year, int month, String currency, String total, long count, String min,
                                String max) throws Exception {
        update("INSERT INTO monthly_summaries (user_id, year, month, currency, total, count, min_amount, max_amount)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", UUID.fromString(user.id()), year, month, currency,
                new BigDecimal(total), count, decimal(min), decimal(max));
    }

    private static void category(User user, int year, int month, UUID categoryId, String currency, String total,
                                 long count) throws Exception {
        category(user, year, month, categoryId, currency, total, count, null, null);
    }

    private static void category(User user, int year, int month, UUID categoryId, String currency, String total,
                                 long count, String min, String max) throws Exception {
        update("INSERT INTO category_summaries (user_id, year, month, category_id, currency, total, count,"
                + " min_amount, max_amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", UUID.fromString(user.id()), year,
                month, categoryId, currency, new BigDecimal(total), count, decimal(min), decimal(max));
    }

    private static void summary(User user, String currency, String total, long count, String min, String max)
            throws Exception {
        update("INSERT INTO user_summaries (user_id, currency, total, count, min_amount, max_amount)"
                + " VALUES (?, ?, ?, ?, ?, ?)", UUID.fromString(user.id()), currency, new BigDecimal(total), count,
                decimal(min), decimal(max));
    }

    private static UUID namedCategory(User user, String name) throws Exception {
        UUID id = UUID.randomUUID();
        update("INSERT INTO categories (user_id, id, name) VALUES (?, ?, ?)", UUID.fromString(user.id()), id, name);
        return id;
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }

    private static void update(String sql, Object... values) throws Exception {
        try (Connection c = running.db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }

    private static JsonNode ok(String path, User user) throws Exception {
        HttpResponse<String> response = api.get(path, user.token());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return ApiClient.json(response);
    }

    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text);
    }

    // ---- monthly ---------------------------------------------------------------------------------------------------

    @Test
    void theMonthlyReportAnswersTheExtremesAndTheAverageRoundedHalfEvenPerCurrency() throws Exception {
        User ada = running.signedInUser();
        monthly(ada, 2026, 3, "EUR", "10.00", 3, "1.00", "6.00");
        monthly(ada, 2026, 3, "JPY", "5", 2, "1", "4");
        monthly(ada, 2026, 3, "USD", "7.50", 1, null, null); // projected before the extremes were kept

        assertThat(ok("/reports/monthly/2026/3", ada)).isEqualTo(json("{\"year\":2026,\"month\":3,\"totals\":["
                + "{\"currency\":\"EUR\",\"total\":\"10.00\",\"count\":3,\"min\":\"1.00\",\"max\":\"6.00\","
                + "\"average\":\"3.33\"},"
                + "{\"currency\":\"JPY\",\"total\":\"5\",\"count\":2,\"min\":\"1\",\"max\":\"4\",\"average\":\"2\"},"
                + "{\"currency\":\"USD\",\"total\":\"7.50\",\"count\":1,\"min\":null,\"max\":null,"
                + "\"average\":\"7.50\"}]}"));
    }

    @Test
    void theMonthlyReportLeavesOutTotalsThatFellToZero() throws Exception {
        User ada = running.signedInUser();
        monthly(ada, 2026, 3, "EUR", "4.00", 1, "4.00", "4.00");
        monthly(ada, 2026, 3, "USD", "0.00", 0, null, null);

        assertThat(ok("/reports/monthly/2026/3", ada).get("totals")).extracting(t -> t.get("currency").asText())
                .containsExactly("EUR");
    }

    // ---- categories ------------------------------------------------------------------------------------------------

    @Test
    void theCategoryReportNamesEachCategoryLargestTotalFirst() throws Exception {
        User ada = running.signedInUser();
        UUID coffee = namedCategory(ada, "Coffee");
        UUID rent = namedCategory(ada, "Rent");
        UUID deleted = UUID.randomUUID(); // a category that is gone: its totals stay under its id
        category(ada, 2026, 3, coffee, "EUR", "12.50", 3, "2.50", "6.00");
        category(ada, 2026, 3, rent, "EUR", "800.00", 1, "800.00", "800.00");
        category(ada, 2026, 3, null, "EUR", "40.00", 2);
        category(ada, 2026, 3, deleted, "EUR", "5.00", 1);
        category(ada, 2026, 3, coffee, "USD", "0.00", 0);   // fell to zero: left out
        category(ada, 2026, 4, coffee, "EUR", "99.00", 9);  // another month

        assertThat(ok("/reports/categories/2026/3", ada)).isEqualTo(json("{\"year\":2026,\"month\":3,\"categories\":["
                + "{\"categoryId\":\"" + rent + "\",\"name\":\"Rent\",\"currency\":\"EUR\",\"total\":\"800.00\","
                + "\"count\":1,\"min\":\"800.00\",\"max\":\"800.00\",\"average\":\"800.00\"},"
                + "{\"categoryId\":null,\"name\":\"Uncategorized\",\"currency\":\"EUR\",\"total\":\"40.00\","
                + "\"count\":2,\"min\":null,\"max\":null,\"average\":\"20.00\"},"
                + "{\"categoryId\":\"" + coffee + "\",\"name\":\"Coffee\",\"currency\":\"EUR\",\"total\":\"12.50\","
                + "\"count\":3,\"min\":\"2.50\",\"max\":\"6.00\",\"average\":\"4.17\"},"
                + "{\"categoryId\":\"" + deleted + "\",\"name\":null,\"currency\":\"EUR\",\"total\":\"5.00\","
                + "\"count\":1,\"min\":null,\"max\":null,\"average\":\"5.00\"}]}"));
    }

    @Test
    void aMonthWithoutTotalsHasAnEmptyCategoryReport() throws Exception {
        User ada = running.signedInUser();

        assertThat(ok("/reports/categories/2026/3", ada))
                .isEqualTo(json("{\"year\":2026,\"month\":3,\"categories\":[]}"));
    }

    @Test
    void everyMonthlyReportRefusesAnImpossiblePeriodNamingTheField() throws Exception {
        User ada = running.signedInUser();
        for (String report : List.of("monthly", "categories")) {
            for (String period : List.of("2026/13", "2026/0", "2026/x", "1969/1", "10000/1", "abcd/1", "-1/3")) {
                String path = "/reports/" + report + "/" + period;
                HttpResponse<String> response = api.get(path, ada.token());

                assertProblem(response, 400, "validation");
                String field = period.startsWith("2026/") ? "month" : "year";
                assertThat(ApiClient.json(response).get("errors").findValuesAsText("field")).as(path)
                        .containsExactly(field);
            }
        }
    }

    // ---- summary ---------------------------------------------------------------------------------------------------

    @Test
    void theSummaryReportListsTheAllTimeTotalsPerCurrency() throws Exception {
        User ada = running.signedInUser();
        summary(ada, "USD", "1.01", 2, "0.50", "0.51");
        summary(ada, "EUR", "123.45", 4, "0.45", "100.00");
        summary(ada, "GBP", "0.00", 0, null, null); // fell to zero: left out

        assertThat(ok("/reports/summary", ada)).isEqualTo(json("{\"totals\":["
                + "{\"currency\":\"EUR\",\"total\":\"123.45\",\"count\":4,\"min\":\"0.45\",\"max\":\"100.00\","
                + "\"average\":\"30.86\"},"
                + "{\"currency\":\"USD\",\"total\":\"1.01\",\"count\":2,\"min\":\"0.50\",\"max\":\"0.51\","
                + "\"average\":\"0.50\"}]}"));
    }

    @Test
    void aUserWithoutExpensesHasAnEmptySummary() throws Exception {
        assertThat(ok("/reports/summary", running.signedInUser())).isEqualTo(json("{\"totals\":[]}"));
    }

    // ---- isolation -------------------------------------------------------------------------------------------------

    @Test
    void anotherUsersTotalsAreInNoReport() throws Exception {
        User owner = running.signedInUser();
        User stranger = running.signedInUser();
        UUID secret = namedCategory(owner, "Secret hobby");
        monthly(owner, 2026, 3, "EUR", "4321.09", 1, "4321.09", "4321.09");
        category(owner, 2026, 3, secret, "EUR", "4321.09", 1);
        summary(owner, "EUR", "4321.09", 1, "4321.09", "4321.09");
        // The stranger's own total names the owner's category id: the name must not come from the owner's row.
        category(stranger, 2026, 3, secret, "EUR", "1.00", 1);

        assertThat(ok("/reports/monthly/2026/3", stranger).get("totals")).isEmpty();
        assertThat(ok("/reports/summary", stranger).get("totals")).isEmpty();
        JsonNode categories = ok("/reports/categories/2026/3", stranger);
        assertThat(categories.get("categories")).hasSize(1);
        assertThat(categories.get("categories").get(0).get("name").isNull()).isTrue();
        assertThat(categories.toString()).doesNotContain("4321.09").doesNotContain("Secret hobby");
        assertThat(ok("/reports/categories/2026/3", owner).get("categories").get(0).get("name").asText())
                .isEqualTo("Secret hobby");
    }
}
