package io.ganaka.streams.categorize;

import io.ganaka.schemas.EventPayload.RuleChanged;
import io.ganaka.schemas.catalog.DefaultCatalog;
import io.ganaka.schemas.rules.Rule;
import io.ganaka.schemas.rules.RuleEngine;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * One user's categorization rules as the topology knows them: the defaults derived on {@code user.registered} and
 * every {@code rule.changed}. {@code deletedDefaults} remembers deleted default rules, so that a registration read
 * after (or again) does not bring them back; a default that was changed keeps its changed definition.
 *
 * @param rules          by rule id
 * @param defaultsSeeded whether the catalog's default rules were added already
 */
public record RuleBook(Map<String, Rule> rules, Set<String> deletedDefaults, boolean defaultsSeeded) {

    public static final RuleBook EMPTY = new RuleBook(Map.of(), Set.of(), false);

    public RuleBook {
        rules = java.util.Collections.unmodifiableMap(new TreeMap<>(rules));
        deletedDefaults = java.util.Collections.unmodifiableSet(new TreeSet<>(deletedDefaults));
    }

    /** The book with the user's default rules added, unless they were added before or changed since. */
    public RuleBook withDefaults(UUID userId, Instant registeredAt) {
        if (defaultsSeeded) {
            return this;
        }
        Map<String, Rule> next = new HashMap<>(rules);
        for (DefaultCatalog.Rule rule : DefaultCatalog.rules(userId)) {
            String id = rule.id().toString();
            if (!deletedDefaults.contains(id)) {
                next.putIfAbsent(id, new Rule(id, registeredAt, rule.definition()));
            }
        }
        return new RuleBook(next, deletedDefaults, true);
    }

    /**
     * The book after a {@code rule.changed}: created and updated put the definition (an update keeps the creation
     * time, which orders ties), deleted removes it. {@code at} is the event's time.
     */
    public RuleBook withChange(UUID userId, RuleChanged change, Instant at) {
        if (change.ruleId() == null) {
            return this;
        }
        Map<String, Rule> next = new HashMap<>(rules);
        Set<String> deleted = new HashSet<>(deletedDefaults);
        if ("deleted".equals(change.change()) || change.rule() == null) {
            next.remove(change.ruleId());
            if (isDefault(userId, change.ruleId())) {
                deleted.add(change.ruleId());
            }
        } else {
            Rule old = rules.get(change.ruleId());
            Instant createdAt = old == null ? at : old.createdAt();
            next.put(change.ruleId(), new Rule(change.ruleId(), createdAt, change.rule()));
        }
        return new RuleBook(next, deleted, defaultsSeeded);
    }

    /** The book without the rules that set {@code categoryId}, which no longer exists. */
    public RuleBook withoutCategory(String categoryId) {
        Map<String, Rule> next = new HashMap<>(rules);
        next.values().removeIf(rule -> categoryId.equals(rule.definition().actions().categoryId()));
        return new RuleBook(next, deletedDefaults, defaultsSeeded);
    }

    /** An engine over these rules. */
    public RuleEngine engine() {
        return RuleEngine.of(rules.values());
    }

    private static boolean isDefault(UUID userId, String ruleId) {
        return DefaultCatalog.rules(userId).stream().anyMatch(rule -> rule.id().toString().equals(ruleId));
    }
}
