package io.ganaka.api.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.ganaka.schemas.rules.Rule;
import io.ganaka.schemas.rules.RuleDefinition;
import io.ganaka.schemas.rules.RuleDefinition.RuleActions;
import io.ganaka.schemas.rules.RuleDefinition.RuleCondition;
import java.time.Instant;
import java.util.List;

/** A rule as the API returns it: its definition, with its id, whether it came with the account, and its times. */
public record RuleView(
        String id,
        String name,
        int priority,
        String match,
        List<RuleCondition> conditions,
        RuleActions actions,
        boolean stopProcessing,
        @JsonProperty("isDefault") boolean isDefault,
        Instant createdAt,
        Instant updatedAt) {

    static RuleView of(String id, RuleDefinition rule, boolean isDefault, Instant createdAt, Instant updatedAt) {
        return new RuleView(id, rule.name(), rule.priority(), rule.match(), rule.conditions(), rule.actions(),
                rule.stopProcessing(), isDefault, createdAt, updatedAt);
    }

    RuleDefinition definition() {
        return new RuleDefinition(name, priority, match, conditions, actions, stopProcessing);
    }

    /** The rule as the engine evaluates it. */
    Rule toRule() {
        return new Rule(id, createdAt, definition());
    }
}
