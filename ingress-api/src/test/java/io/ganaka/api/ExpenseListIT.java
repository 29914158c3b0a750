package io.ganaka.api;

import static io.ganaka.api.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ganaka.api.RunningApi.User;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /expenses} over HTTP against a seeded projection: order, keyset pages, every filter, every refusal. */
class ExpenseListIT {

    @AutoClose
    private static RunningApi running;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        running = new RunningApi(ApiOptions.sharedEnvironment().namingSuffix("-list"));
        api = running.client;
    }

    @Test
    void listsOnlyTheCallersLiveExpensesNewestFirstInTheShapeOfASingleRead() throws Exception {
        User user = running.signedInUser();
        ExpenseRows rows = new ExpenseRows(running.db, user.id());
        UUID march = rows.at("2026-03-15T12:00:00Z").text("Espresso", "Nero").insert();
        UUID april = rows.at("2026-04-01T08:00:00Z").version(4).amount("1500", "JPY").insert();
        UUID february = rows.at("2026-02-10T09:30:00.123456Z").insert();
        rows.at("2026-05-01T00:00:00Z").asTombstone().insert();
        User stranger = running.signedInUser();
        new ExpenseRows(running.db, stranger.id()).at("2026-03-20T00:00:00Z").insert();

        HttpResponse<String> response = api.get("/expenses", user.token());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = ApiClient.json(response);
        assertThat(ids(body)).containsExactly(april.toString(), march.toString(), february.toString());
        assertThat(body.get("nextCursor").isNull()).isTrue();
        for (JsonNode item : body.get("items")) {
            assertThat(item).isEqualTo(ApiClient.json(api.get("/expenses/" + item.get("id").asText(), user.token())));
        }
        assertThat(body.get("items").get(0).get("amount").asText()).isEqualTo("1500");
        assertThat(body.get("items").get(1).get("merchant").asText()).isEqualTo("Nero");
        assertThat(body.get("items").get(2).get("occurredAt").asText()).isEqualTo("2026-02-10T09:30:00.123456Z");
    }

    @Test
    void aUserWithoutExpensesGetsAnEmptyLastPage() throws Exception {
        User user = running.signedInUser();

        JsonNode body = ApiClient.json(api.get("/expenses", user.token()));

        assertThat(body.get("items")).isEmpty();
        assertThat(body.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void cursorsWalkEveryExpenseOnceEvenWhenSeveralShareTheirTime() throws Exception {
        User user = running.signedInUser();
        ExpenseRows rows = new ExpenseRows(running.db, user.id());
        List<String> expected = new ArrayList<>();
        // Three at the very same instant: only the id orders them, and no page boundary may lose or repeat one.
        for (String at : List.of("2026-03-05T10:00:00Z", "2026-03-04T10:00:00Z", "2026-03-04T10:00:00Z",
                "2026-03-04T10:00:00Z", "2026-03-03T10:00:00Z", "2026-03-02T10:00:00Z", "2026-03-01T10:00:00Z")) {
            rows.at(at).insert();
        }
        expected.addAll(ids(ApiClient.json(api.get("/expenses?limit=200", user.token()))));

        List<String> walked = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = ApiClient.json(api.get("/expenses?limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                    user.token()));
            walked.addAll(ids(page));
            pageSizes.add(page.get("items").size());
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);

        assertThat(expected).hasSize(7);
        assertThat(walked).containsExactlyElementsOf(expected);
        assertThat(pageSizes).containsExactly(2, 2, 2, 1);
    }

    @Test
    void aPageThatEndsExactlyAtTheLastExpenseHasNoNextCursor() throws Exception {
        User user = running.signedInUser();
        ExpenseRows rows = new ExpenseRows(running.db, user.id());
        rows.at("2026-03-02T10:00:00Z").insert();
        rows.at("2026-03-01T10:00:00Z").insert();

        JsonNode page = ApiClient.json(api.get("/expenses?limit=2", user.token()));

        assertThat(page.get("items")).hasSize(2);
        assertThat(page.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void fromIsInclusiveAndToExclusiveForDatesAndInstants() throws Exception {
        User user = running.signedInUser();
        ExpenseRows rows = new ExpenseRows(running.db, user.id());
        UUID lastOfFebruary = rows.at("2026-02-28T23:59:59.999999Z").insert();
        UUID firstOfMarch = rows.at("2026-03-01T00:00:00Z").insert();
        UUID lastOfMarch = rows.at("2026-03-31T23:59:59Z").insert();
        UUID firstOfApril = rows.at("2026-04-01T00:00:00Z").insert();

        assertThat(list(user, "from=2026-03-01&to=2026-04-01")).containsExactly(lastOfMarch, firstOfMarch);
        assertThat(list(user, "from=2026-03-01T00:00:00Z")).containsExactly(firstOfApril, lastOfMarch, firstOfMarch);
        assertThat(list(user, "to=2026-03-01")).containsExactly(lastOfFebruary);
        // 02:00 in UTC+02:00 is midnight UTC.
        assertThat(list(user, "from=" + encode("2026-04-01T02:00:00+02:00"))).containsExactly(firstOfApril);
    }

    @Test
    void filtersByCategoryOrByHavingNone() throws Exception {
        User user = running.signedInUser();
        ExpenseRows rows = new ExpenseRows(running.db, user.id());
        UUID coffee = rows.category("Coffee");
        UUID travel = rows.category("Travel");
        UUID espresso = rows.at("2026-03-03T00:00:00Z").category(coffee).insert();
        UUID train = rows.at("2026-03-02T00:00:00Z").category(travel).insert();
        UUID unsorted = rows.at("2026-03-01T00:00:00Z").insert();
        User stranger = running.signedInUser();

        assertThat(list(user, "categoryId=" + coffee)).containsExactly(espresso);
        assertThat(list(user, "categoryId=" + travel)).containsExactly(train);
        assertThat(list(user, "categoryId=none")).containsExactly(unsorted);
        assertThat(list(stranger, "categoryId=" + coffee)).isEmpty();
        assertThat(list(user, "categoryId=" + UUID.randomUUID())).isEmpty();
    }

    @Test
    void filtersByAnInclusiveAmountRangeAndCurrency() throws Exception {
        User user = running.signedInUser();
        ExpenseRows rows = new ExpenseRows(running.db, user.id());
        UUID cheap = rows.at("2026-03-04T00:00:00Z").amount("9.99", "EUR").insert();
        UUID ten = rows.at("2026-03-03T00:00:00Z").amount("10.00", "EUR").insert();
        UUID twenty = rows.at("2026-03-02T00:00:00Z").amount("20.00", "EUR").insert();
        UUID dollars = rows.at("2026-03-01T00:00:00Z").amount("15.00", "USD").insert();

        assertThat(list(user, "minAmount=10&maxAmount=20")).containsExactly(ten, twenty, dollars);
        assertThat(list(user, "minAmount=10.00&maxAmount=19.99&currency=EUR")).containsExactly(ten);
        assertThat(list(user, "maxAmount=9.99")).containsExactly(cheap);
        assertThat(list(user, "currency=usd")).containsExactly(dollars);
        assertThat(list(user, "currency=GBP")).isEmpty();
    }

    @Test
    void searchesDescriptionAndMerchantIgnoringCaseAndTakingWildcardsLiterally() throws Exception {
        User user = running.signedInUser();
        ExpenseRows rows = new ExpenseRows(running.db, user.id());
        UUID espresso = rows.at("2026-03-05T00:00:00Z").text("Double ESPRESSO", null).insert();
        UUID nero = rows.at("2026-03-04T00:00:00Z").text("Breakfast", "Caffè Nero").insert();
        UUID sale = rows.at("2026-03-03T00:00:00Z").text("Shoes 50% off", "Shop_1").insert();
        UUID plain = rows.at("2026-03-02T00:00:00Z").text("Shoes 50 off", "Shop11").insert();

        assertThat(list(user, "q=espresso")).containsExactly(espresso);
        assertThat(list(user, "q=" + encode("caffè"))).containsExactly(nero);
        assertThat(list(user, "q=" + encode("50%"))).containsExactly(sale);
        assertThat(list(user, "q=" + encode("p_1"))).containsExactly(sale);
        assertThat(list(user, "q=shoes")).containsExactly(sale, plain);
        assertThat(list(user, "q=" + encode("%"))).containsExactly(sale);
    }

    @Test
    void filtersAndCursorsCombine() throws Exception {
        User user = running.signedInUser();
        ExpenseRows rows = new ExpenseRows(running.db, user.id());
        List<UUID> euros = new ArrayList<>();
        for (int day = 9; day >= 1; day--) {
            rows.at("2026-03-0" + day + "T12:00:00Z").amount("5.00", "USD").insert();
            euros.add(rows.at("2026-03-0" + day + "T08:00:00Z").amount("5.00", "EUR").insert());
        }

        JsonNode first = ApiClient.json(api.get("/expenses?currency=EUR&limit=4&from=2026-03-02", user.token()));
        JsonNode second = ApiClient.json(api.get("/expenses?currency=EUR&limit=4&from=2026-03-02&cursor="
                + first.get("nextCursor").asText(), user.token()));

        assertThat(ids(first)).containsExactlyElementsOf(strings(euros.subList(0, 4)));
        assertThat(ids(second)).containsExactlyElementsOf(strings(euros.subList(4, 8)));
        assertThat(second.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void everyBadParameterAnswers400NamingIt() throws Exception {
        User user = running.signedInUser();
        String cursor = cursorAfterTheFirstOfTwo(user);
        Map<String, String> cases = Map.ofEntries(
                Map.entry("limit=0", "limit"), Map.entry("limit=201", "limit"), Map.entry("limit=ten", "limit"),
                Map.entry("cursor=not-a-cursor", "cursor"), Map.entry("cursor=" + cursor + "x", "cursor"),
                Map.entry("from=yesterday", "from"), Map.entry("to=2026-02-30", "to"),
                Map.entry("from=2026-03-02&to=2026-03-01", "to"), Map.entry("categoryId=coffee", "categoryId"),
                Map.entry("minAmount=-1", "minAmount"), Map.entry("maxAmount=1.234", "maxAmount"),
                Map.entry("minAmount=5&maxAmount=4", "maxAmount"), Map.entry("currency=EURO", "currency"),
                Map.entry("q=" + "x".repeat(101), "q"), Map.entry("q=", "q"), Map.entry("q=a%00b", "q"),
                Map.entry("limit=1&limit=2", "limit"),
                Map.entry("sort=amount", "sort"));

        for (Map.Entry<String, String> c : cases.entrySet()) {
            HttpResponse<String> response = api.get("/expenses?" + c.getKey(), user.token());

            assertProblem(response, 400, "validation");
            assertThat(ApiClient.json(response).get("errors").findValuesAsText("field")).as(c.getKey())
                    .containsExactly(c.getValue());
        }
    }

    @Test
    void aTamperedCursorAnswers400() throws Exception {
        User user = running.signedInUser();
        String cursor = cursorAfterTheFirstOfTwo(user);
        char last = cursor.charAt(cursor.length() - 1);
        String tampered = cursor.substring(0, cursor.length() - 1) + (last == 'A' ? 'B' : 'A');

        HttpResponse<String> response = api.get("/expenses?limit=1&cursor=" + tampered, user.token());

        assertThat(api.get("/expenses?limit=1&cursor=" + cursor, user.token()).statusCode()).isEqualTo(200);
        assertProblem(response, 400, "validation");
        assertThat(ApiClient.json(response).get("errors").findValuesAsText("field")).containsExactly("cursor");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** Seeds two expenses and returns the real cursor of the page after the first. */
    private static String cursorAfterTheFirstOfTwo(User user) throws Exception {
        ExpenseRows rows = new ExpenseRows(running.db, user.id());
        rows.at("2026-03-02T10:00:00Z").insert();
        rows.at("2026-03-01T10:00:00Z").insert();
        JsonNode cursor = ApiClient.json(api.get("/expenses?limit=1", user.token())).get("nextCursor");
        assertThat(cursor.isTextual()).isTrue();
        return cursor.asText();
    }

    private static List<UUID> list(User user, String query) throws Exception {
        HttpResponse<String> response = api.get("/expenses?" + query, user.token());
        assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(200);
        return ids(ApiClient.json(response)).stream().map(UUID::fromString).toList();
    }

    private static List<String> ids(JsonNode page) {
        return page.get("items").findValuesAsText("id");
    }

    private static List<String> strings(List<UUID> ids) {
        return ids.stream().map(UUID::toString).toList();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
