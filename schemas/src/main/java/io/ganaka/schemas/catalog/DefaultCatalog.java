package io.ganaka.schemas.catalog;

import io.ganaka.schemas.rules.RuleDefinition;
import io.ganaka.schemas.rules.RuleDefinition.RuleActions;
import io.ganaka.schemas.rules.RuleDefinition.RuleCondition;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The categories and keyword rules every new account starts with. Their ids are name-based UUIDs of the user id and
 * a stable key, so every component (the defaults sink, a topology, a test) derives the same ids for the same user
 * without asking anyone, and a replay never mints a second copy.
 */
public final class DefaultCatalog {

    /** Default rules run after the user's own (which usually have small priorities), most specific first. */
    public static final int FIRST_RULE_PRIORITY = 1000;
    private static final int PRIORITY_STEP = 10;

    /** A default category as the catalog defines it, before it belongs to anyone. */
    public record Template(String key, String name, String description, String color) {}

    /** A keyword rule: an expense whose description or merchant contains any keyword gets the category. */
    public record KeywordRule(String key, String categoryKey, List<String> keywords) {

        public KeywordRule {
            keywords = List.copyOf(keywords);
        }
    }

    /** A default category of one user, with its deterministic id. */
    public record Category(UUID id, String key, String name, String description, String color) {}

    /** A default rule of one user, with its deterministic id and the id of the category it sets. */
    public record Rule(UUID id, String key, UUID categoryId, RuleDefinition definition) {}

    private static final List<Template> CATEGORIES = List.of(
            new Template("groceries", "Groceries", "Supermarkets and food shopping", "#4caf50"),
            new Template("dining", "Dining", "Restaurants, take-away and food delivery", "#ff7043"),
            new Template("coffee", "Coffee", "Coffee shops and cafés", "#8a5a44"),
            new Template("transport", "Transport", "Taxis, ride-hailing and public transport", "#42a5f5"),
            new Template("fuel", "Fuel", "Petrol, diesel and charging", "#607d8b"),
            new Template("housing", "Housing", "Rent, mortgage and home costs", "#795548"),
            new Template("utilities", "Utilities", "Electricity, water, phone and internet", "#ffca28"),
            new Template("health", "Health", "Pharmacy, doctors and dentists", "#e53935"),
            new Template("entertainment", "Entertainment", "Cinema, concerts, games and events", "#ab47bc"),
            new Template("shopping", "Shopping", "Clothes, household goods and online shopping", "#ec407a"),
            new Template("travel", "Travel", "Flights, hotels and holiday rentals", "#26a69a"),
            new Template("subscriptions", "Subscriptions", "Streaming and other recurring services", "#5c6bc0"),
            new Template("education", "Education", "Courses, books and tuition", "#8d6e63"),
            new Template("gifts", "Gifts & Donations", "Presents and charity", "#f06292"),
            new Template("personal-care", "Personal Care", "Hairdresser, cosmetics and wellness", "#ba68c8"),
            new Template("fees", "Fees & Charges", "Bank fees, interest and fines", "#9e9e9e"));

    // Order matters: rules run by priority, so "uber eats" (Dining) must come before "uber" (Transport).
    private static final List<KeywordRule> RULES = List.of(
            new KeywordRule("coffee", "coffee", List.of("starbucks", "espresso", "coffee", "costa", "dunkin")),
            new KeywordRule("dining", "dining", List.of("restaurant", "uber eats", "doordash", "deliveroo", "mcdonald")),
            new KeywordRule("transport", "transport", List.of("uber", "lyft", "taxi", "bolt", "transit")),
            new KeywordRule("groceries", "groceries", List.of("supermarket", "grocery", "aldi", "lidl", "whole foods")),
            new KeywordRule("fuel", "fuel", List.of("petrol", "fuel", "gas station", "shell", "esso")),
            new KeywordRule("housing", "housing", List.of("mortgage", "landlord", "rent payment")),
            new KeywordRule("utilities", "utilities", List.of("electricity", "water bill", "internet", "vodafone")),
            new KeywordRule("health", "health", List.of("pharmacy", "apotheke", "doctor", "dentist", "clinic")),
            new KeywordRule("entertainment", "entertainment", List.of("cinema", "concert", "ticketmaster", "steam")),
            new KeywordRule("shopping", "shopping", List.of("amazon", "ebay", "ikea", "zalando", "etsy")),
            new KeywordRule("travel", "travel", List.of("airbnb", "booking.com", "hotel", "ryanair", "lufthansa")),
            new KeywordRule("subscriptions", "subscriptions", List.of("netflix", "spotify", "disney+", "hulu",
                    "patreon")));

    private DefaultCatalog() {}

    /** The catalog's categories, in display order. */
    public static List<Template> templates() {
        return CATEGORIES;
    }

    /** The catalog's keyword rules, in priority order. */
    public static List<KeywordRule> keywordRules() {
        return RULES;
    }

    /** The id of the default category {@code key} of a user; the same for every call. */
    public static UUID categoryId(UUID userId, String key) {
        return nameBased("category", userId, key);
    }

    /** The id of the default rule {@code key} of a user; the same for every call. */
    public static UUID ruleId(UUID userId, String key) {
        return nameBased("rule", userId, key);
    }

    /** The default categories of a user. */
    public static List<Category> categories(UUID userId) {
        return CATEGORIES.stream()
                .map(t -> new Category(categoryId(userId, t.key()), t.key(), t.name(), t.description(), t.color()))
                .toList();
    }

    /** The default rules of a user, each pointing at that user's default category, in ascending priority. */
    public static List<Rule> rules(UUID userId) {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < RULES.size(); i++) {
            KeywordRule rule = RULES.get(i);
            UUID categoryId = categoryId(userId, rule.categoryKey());
            rules.add(new Rule(ruleId(userId, rule.key()), rule.key(), categoryId,
                    definition(rule, FIRST_RULE_PRIORITY + i * PRIORITY_STEP, categoryId)));
        }
        return rules;
    }

    private static RuleDefinition definition(KeywordRule rule, int priority, UUID categoryId) {
        List<RuleCondition> conditions = new ArrayList<>();
        for (String keyword : rule.keywords()) {
            conditions.add(new RuleCondition("description", "contains", keyword));
            conditions.add(new RuleCondition("merchant", "contains", keyword));
        }
        String name = nameOf(rule.categoryKey()) + " keywords";
        // stopProcessing: the first matching default decides; later, less specific defaults must not override it.
        return new RuleDefinition(name, priority, "any", conditions,
                new RuleActions(categoryId.toString(), List.of()), true);
    }

    private static String nameOf(String categoryKey) {
        return CATEGORIES.stream().filter(t -> t.key().equals(categoryKey)).findFirst()
                .map(Template::name)
                .orElseThrow(() -> new IllegalStateException("no default category " + categoryKey));
    }

    private static UUID nameBased(String kind, UUID userId, String key) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(key, "key");
        return UUID.nameUUIDFromBytes(("ganaka/default-" + kind + "/" + userId + "/" + key)
                .getBytes(StandardCharsets.UTF_8));
    }
}
