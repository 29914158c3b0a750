package io.ganaka.api.rules;

import io.ganaka.api.Ids;
import io.ganaka.api.errors.ConflictException;
import io.ganaka.api.errors.NotFoundException;
import io.ganaka.api.errors.UnprocessableException;
import io.ganaka.api.events.EventPublisher;
import io.ganaka.api.events.PublishUnavailableException;
import io.ganaka.api.events.Publishing;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventIds;
import io.ganaka.schemas.EventPayload.RuleChanged;
import io.ganaka.schemas.rules.RuleDefinition;
import java.sql.SQLException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A user's categorization rules, written synchronously: each change is one transaction that writes the row, makes
 * its {@code rule.changed} durable in JetStream and only then commits, so a rule never exists without its event. Other
 * users' rule ids, like unknown ones, are "not found"; a category in the actions must be the caller's (else 422); a
 * user has at most {@link #MAX_RULES} rules (else 409).
 */
public final class RuleService {

    /** Every rule runs on every expense, so a user's rule set is bounded like any other per-expense work. */
    public static final int MAX_RULES = 200;

    private final RuleRepository rules;
    private final EventPublisher publisher;
    private final Duration publishTimeout;

    public RuleService(RuleRepository rules, EventPublisher publisher, Duration publishTimeout) {
        this.rules = rules;
        this.publisher = publisher;
        this.publishTimeout = publishTimeout;
    }

    /** The caller's rules in the order they are evaluated. */
    public List<RuleView> list(String userId) throws SQLException {
        return rules.list(UUID.fromString(userId));
    }

    public RuleView get(String userId, String ruleId) throws SQLException {
        UUID id = parseId(userId, ruleId);
        return rules.find(UUID.fromString(userId), id).orElseThrow(() -> notFound(userId, ruleId));
    }

    /** @throws PublishUnavailableException when rule.changed is not durable in time; nothing is stored then */
    public RuleView create(String userId, RuleDefinition rule, String correlationId) throws SQLException {
        UUID owner = UUID.fromString(userId);
        UUID id = UUID.fromString(EventIds.newId());
        // The rule's creation time is its created event's time, so a consumer of rule.changed (the streams
        // categorization) breaks priority ties exactly as the table does.
        Event created = Event.create(userId, correlationId, new RuleChanged(id.toString(), "created", rule));
        Event event = new Event(created.id(), created.type(), created.schemaVersion(),
                created.occurredAt().truncatedTo(ChronoUnit.MICROS), userId, correlationId, created.data());
        return rules.inTransaction(tx -> {
            requireOwnCategory(tx, owner, rule);
            if (tx.lockAndCountRules(owner) >= MAX_RULES) {
                throw new ConflictException("rule-limit", "You already have " + MAX_RULES
                        + " rules, the most allowed; delete or merge some first.");
            }
            RuleView saved = tx.insert(owner, id, rule, event.occurredAt());
            Publishing.awaitDurable(publisher, event, publishTimeout);
            return saved;
        });
    }

    /** Replaces the whole definition. @throws PublishUnavailableException as {@link #create} */
    public RuleView replace(String userId, String ruleId, RuleDefinition rule, String correlationId)
            throws SQLException {
        UUID id = parseId(userId, ruleId);
        UUID owner = UUID.fromString(userId);
        return rules.inTransaction(tx -> {
            Optional<RuleView> saved = tx.update(owner, id, rule);
            if (saved.isEmpty()) {
                throw notFound(userId, ruleId);
            }
            // After the row: another user's rule id is "not found" even when the category check would also fail.
            requireOwnCategory(tx, owner, rule);
            publish(userId, correlationId, new RuleChanged(saved.get().id(), "updated", rule));
            return saved.get();
        });
    }

    /** @throws PublishUnavailableException as {@link #create}; the rule stays then */
    public void delete(String userId, String ruleId, String correlationId) throws SQLException {
        UUID id = parseId(userId, ruleId);
        rules.inTransaction(tx -> {
            if (!tx.delete(UUID.fromString(userId), id)) {
                throw notFound(userId, ruleId);
            }
            publish(userId, correlationId, new RuleChanged(id.toString(), "deleted", null));
            return null;
        });
    }

    private static void requireOwnCategory(RuleWrites tx, UUID owner, RuleDefinition rule)
            throws SQLException {
        String categoryId = rule.actions().categoryId();
        if (categoryId != null && !tx.lockCategory(owner, UUID.fromString(categoryId))) {
            throw new UnprocessableException("actions.categoryId", "is not one of your categories");
        }
    }

    private void publish(String userId, String correlationId, RuleChanged change) {
        Publishing.awaitDurable(publisher, Event.create(userId, correlationId, change), publishTimeout);
    }

    private static UUID parseId(String userId, String ruleId) {
        return Ids.parse(ruleId).orElseThrow(() -> notFound(userId, ruleId));
    }

    private static NotFoundException notFound(String userId, String ruleId) {
        return new NotFoundException("no rule " + ruleId + " for user " + userId);
    }
}
