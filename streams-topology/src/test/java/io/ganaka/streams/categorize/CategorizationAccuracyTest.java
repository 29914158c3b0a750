package io.ganaka.streams.categorize;

import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload.ExpenseAdded;
import io.ganaka.schemas.EventPayload.ExpenseCategorized;
import io.ganaka.schemas.catalog.DefaultCatalog;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The measurement behind {@code docs/categorization.md}: a generated stream of expenses at merchants whose true
 * category is hidden from the topology; the user sets the category by hand on the first N expenses of each merchant,
 * and every later expense counts as correct only when the topology categorizes it with the true category. It prints
 * the shares and writes them to {@code target/categorization-accuracy.md}; it asserts no threshold.
 */
class CategorizationAccuracyTest {

    /** Expenses per merchant measured after its corrections. */
    private static final int MEASURED_PER_MERCHANT = 20;
    private static final long SEED = 20261130L;

    /** Merchant -> its true category key; some names contain a default keyword, rightly or misleadingly. */
    private static final Map<String, String> MERCHANTS = Map.ofEntries(
            Map.entry("Starbucks", "coffee"), Map.entry("Lidl", "groceries"), Map.entry("Uber", "transport"),
            Map.entry("Uber Eats", "dining"), Map.entry("Netflix", "subscriptions"), Map.entry("Shell", "fuel"),
            Map.entry("Amazon", "shopping"), Map.entry("Airbnb", "travel"),
            Map.entry("Costa Rica Tours", "travel"), Map.entry("Bolt Hardware", "shopping"),
            Map.entry("Steam Laundry", "personal-care"),
            Map.entry("Blue Bottle", "coffee"), Map.entry("Rewe", "groceries"), Map.entry("Edeka", "groceries"),
            Map.entry("Deutsche Bahn", "transport"), Map.entry("Aral", "fuel"), Map.entry("Stadtwerke", "utilities"),
            Map.entry("Telekom", "utilities"), Map.entry("Rossmann", "personal-care"), Map.entry("Thalia", "education"),
            Map.entry("Zara", "shopping"), Map.entry("Pizzeria Roma", "dining"), Map.entry("Sushi Kyoto", "dining"),
            Map.entry("Physio Praxis", "health"), Map.entry("Kino International", "entertainment"),
            Map.entry("Udemy", "education"), Map.entry("Hostelworld", "travel"), Map.entry("Audible", "subscriptions"),
            Map.entry("Unicef", "gifts"), Map.entry("Sparkasse", "fees"));
    /** Words that appear with every kind of merchant, so learning must cope with shared tokens. */
    private static final List<String> DESCRIPTIONS = List.of("Card payment", "Purchase", "Online order", "Receipt",
            "Contactless payment", "Monthly", "Weekend", "Lunch break", "Order 4711", "Payment ref");

    @TempDir
    Path stateDir;

    @Test
    void reportsTheShareCategorizedCorrectlyAfterNCorrections() throws IOException {
        StringBuilder table = new StringBuilder("""
                | corrections per merchant (N) | measured expenses | correct | wrong | uncategorized |
                |---|---|---|---|---|
                """);
        for (int corrections : new int[] {0, 1, 2, 5}) {
            Outcome outcome = measure(corrections);
            table.append(String.format(Locale.ROOT, "| %d | %d | %.1f %% | %.1f %% | %.1f %% |%n", corrections,
                    outcome.measured(), outcome.share(outcome.correct()), outcome.share(outcome.wrong()),
                    outcome.share(outcome.measured() - outcome.correct() - outcome.wrong())));
        }
        System.out.println("Categorization accuracy (" + MERCHANTS.size() + " merchants, seed " + SEED + ")\n" + table);
        Path report = Path.of("target", "categorization-accuracy.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, table);
        assertThat(report).exists();
    }

    private record Outcome(int measured, int correct, int wrong) {
        double share(int count) {
            return 100.0 * count / measured;
        }
    }

    private Outcome measure(int corrections) {
        String user = UUID.randomUUID().toString();
        UUID userId = UUID.fromString(user);
        Random random = new Random(SEED);
        List<String> merchants = new ArrayList<>(MERCHANTS.keySet());
        merchants.sort(null);
        Map<String, Integer> seen = new HashMap<>();
        Map<String, String> truth = new HashMap<>();
        List<Event> stream = new ArrayList<>();
        int total = merchants.size() * (corrections + MEASURED_PER_MERCHANT);
        while (stream.size() < total) {
            String merchant = merchants.get(random.nextInt(merchants.size()));
            int n = seen.getOrDefault(merchant, 0);
            if (n >= corrections + MEASURED_PER_MERCHANT) {
                continue;
            }
            seen.put(merchant, n + 1);
            String trueCategory = DefaultCatalog.categoryId(userId, MERCHANTS.get(merchant)).toString();
            String byHand = n < corrections ? trueCategory : null;
            String expenseId = UUID.randomUUID().toString();
            if (byHand == null) {
                truth.put(expenseId, trueCategory);
            }
            stream.add(Event.create(user, "measure", new ExpenseAdded(expenseId, 1, new BigDecimal("10.00"), "EUR",
                    DESCRIPTIONS.get(random.nextInt(DESCRIPTIONS.size())), merchant,
                    Instant.parse("2026-03-01T00:00:00Z"), byHand, List.of(), null)));
        }
        try (CategorizationHarness topology = new CategorizationHarness(stateDir.resolve("n" + corrections))) {
            topology.send(TestEvents.registered(user));
            stream.forEach(topology::send);
            Map<String, String> decided = new HashMap<>();
            for (Event event : topology.readEvents()) {
                if (event.data() instanceof ExpenseCategorized categorized) {
                    decided.put(categorized.expenseId(), categorized.categoryId());
                }
            }
            int correct = 0;
            int wrong = 0;
            for (Map.Entry<String, String> expected : truth.entrySet()) {
                String actual = decided.get(expected.getKey());
                if (expected.getValue().equals(actual)) {
                    correct++;
                } else if (actual != null) {
                    wrong++;
                }
            }
            return new Outcome(truth.size(), correct, wrong);
        }
    }
}
