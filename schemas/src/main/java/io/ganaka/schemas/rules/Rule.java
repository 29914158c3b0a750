package io.ganaka.schemas.rules;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * A stored rule: its id and creation time (the tie-breakers of the evaluation order) and its definition. The creation
 * time is the {@code occurredAt} of the rule's {@code rule.changed} "created" event, which the API also stores.
 */
public record Rule(String id, Instant createdAt, RuleDefinition definition) {

    /** The evaluation order: ascending priority, then older first, then by id. */
    public static final Comparator<Rule> EVALUATION_ORDER = Comparator
            .comparingInt((Rule r) -> r.definition().priority())
            .thenComparing(Rule::createdAt)
            .thenComparing(Rule::id);

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(definition, "definition");
    }
}
