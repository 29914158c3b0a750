package io.ganaka.streams.categorize;

import static io.ganaka.streams.categorize.TestEvents.added;
import static io.ganaka.streams.categorize.TestEvents.addedByHand;
import static io.ganaka.streams.categorize.TestEvents.categoryDeleted;
import static io.ganaka.streams.categorize.TestEvents.contains;
import static io.ganaka.streams.categorize.TestEvents.deleted;
import static io.ganaka.streams.categorize.TestEvents.newUser;
import static io.ganaka.streams.categorize.TestEvents.registered;
import static io.ganaka.streams.categorize.TestEvents.rule;
import static io.ganaka.streams.categorize.TestEvents.updated;
import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload.ExpenseCategorized;
import io.ganaka.schemas.Topic;
import io.ganaka.schemas.catalog.DefaultCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CategorizationTopologyTest {

    private static final String COFFEE = "c0ffee00-0000-0000-0000-000000000001";
    private static final String TRAVEL = "c0ffee00-0000-0000-0000-000000000002";

    @TempDir
    Path stateDir;
    private CategorizationHarness topology;
    private final String user = newUser();

    @BeforeEach
    void startDriver() {
        topology = new CategorizationHarness(stateDir);
    }

    @AfterEach
    void closeDriver() {
        topology.close();
    }

    @Test
    void anEventWhoseIdWasSeenInTheLast24HoursIsDropped() {
        Event event = added(user, "Lunch");
        Instant first = Instant.parse("2026-03-15T08:00:00Z");

        topology.send(event, first);
        topology.send(event, first.plus(Duration.ofHours(23)));

        assertThat(topology.readEvents()).containsExactly(event);
    }

    @Test
    void anEventIdSeenMoreThan24HoursAgoPassesAgain() {
        Event event = added(user, "Lunch");
        Instant first = Instant.parse("2026-03-15T08:00:00Z");

        topology.send(event, first);
        topology.send(event, first.plus(Duration.ofHours(25)));

        assertThat(topology.readEvents()).containsExactly(event, event);
    }

    @Test
    void everyEventPassesOnceInOrderWithItsCategorizationRightAfterIt() {
        topology.send(rule(user, "r1", "created", contains("lunch", 1, COFFEE, List.of(), false)));
        Event add = added(user, "e1", "Lunch", null, null, List.of());
        Event update = updated(user, "e1", 2, "Dinner", null);
        Event delete = deleted(user, "e1", 3);

        topology.send(add);
        topology.send(update);
        topology.send(add);
        topology.send(delete);

        List<KeyValue<String, Event>> out = topology.read();
        assertThat(out).extracting(kv -> kv.key).containsOnly(user);
        List<Event> events = out.stream().map(kv -> kv.value).toList();
        assertThat(events).hasSize(4);
        assertThat(events.get(0)).isEqualTo(add);
        assertThat(categorization(events.get(1)).expenseVersion()).isEqualTo(1);
        assertThat(events.get(2)).isEqualTo(update);
        assertThat(events.get(3)).isEqualTo(delete);
    }

    @Test
    void theFirstMatchingRuleInPriorityOrderSetsTheCategory() {
        topology.send(rule(user, "late", "created", contains("taxi", 20, TRAVEL, List.of(), false)));
        topology.send(rule(user, "early", "created", contains("taxi", 10, COFFEE, List.of(), false)));

        topology.send(added(user, "Taxi home"));

        ExpenseCategorized result = categorization(topology.readEvents().get(1));
        assertThat(result.categoryId()).isEqualTo(COFFEE);
        assertThat(result.ruleId()).isEqualTo("early");
        assertThat(result.categorizedBy()).isEqualTo("rule");
        assertThat(result.reason()).isEqualTo("rule");
    }

    @Test
    void tagsOfMatchingRulesJoinTheExpenseTagsUntilARuleStopsProcessing() {
        topology.send(rule(user, "r1", "created", contains("taxi", 1, null, List.of("work"), false)));
        topology.send(rule(user, "r2", "created", contains("taxi", 2, TRAVEL, List.of("ride"), true)));
        topology.send(rule(user, "r3", "created", contains("taxi", 3, COFFEE, List.of("never"), false)));

        topology.send(added(user, "e1", "Taxi home", null, null, List.of("own", "work")));

        ExpenseCategorized result = categorization(topology.readEvents().get(1));
        assertThat(result.categoryId()).isEqualTo(TRAVEL);
        assertThat(result.ruleId()).isEqualTo("r2");
        assertThat(result.tags()).containsExactly("own", "work", "ride");
    }

    @Test
    void aNewAccountsExpenseIsCategorizedByTheDefaultRules() {
        topology.send(registered(user));

        topology.send(added(user, "Uber to airport"));

        ExpenseCategorized result = categorization(topology.readEvents().get(1));
        UUID userId = UUID.fromString(user);
        assertThat(result.categoryId()).isEqualTo(DefaultCatalog.categoryId(userId, "transport").toString());
        assertThat(result.ruleId()).isEqualTo(DefaultCatalog.ruleId(userId, "transport").toString());
    }

    @Test
    void aDeletedDefaultRuleStaysDeletedWhenTheRegistrationIsReadAgain() {
        String transportRule = DefaultCatalog.ruleId(UUID.fromString(user), "transport").toString();
        Event registration = registered(user);
        topology.send(registration);
        topology.send(rule(user, transportRule, "deleted", null));
        topology.send(Event.create(user, "test", registration.data()));

        topology.send(added(user, "Uber to airport"));

        assertThat(topology.readEvents()).hasSize(1);
    }

    @Test
    void anUpdatedDefaultRuleWinsOverTheCatalog() {
        String transportRule = DefaultCatalog.ruleId(UUID.fromString(user), "transport").toString();
        topology.send(rule(user, transportRule, "updated", contains("uber", 1000, TRAVEL, List.of(), true)));
        topology.send(registered(user));

        topology.send(added(user, "Uber to airport"));

        assertThat(categorization(topology.readEvents().get(1)).categoryId()).isEqualTo(TRAVEL);
    }

    @Test
    void anUpdatedRuleCategorizesLaterExpensesAndADeletedOneNoLonger() {
        topology.send(rule(user, "r1", "created", contains("lunch", 1, COFFEE, List.of(), false)));
        topology.send(added(user, "Lunch"));
        topology.send(rule(user, "r1", "updated", contains("lunch", 1, TRAVEL, List.of(), false)));
        topology.send(added(user, "Lunch"));
        topology.send(rule(user, "r1", "deleted", null));
        topology.send(added(user, "Lunch"));

        List<Event> out = topology.readEvents();
        assertThat(out).hasSize(5);
        assertThat(categorization(out.get(1)).categoryId()).isEqualTo(COFFEE);
        assertThat(categorization(out.get(3)).categoryId()).isEqualTo(TRAVEL);
        assertThat(out.get(4).data()).isNotInstanceOf(ExpenseCategorized.class);
    }

    @Test
    void anExplicitCategoryIsNeverOverridden() {
        topology.send(rule(user, "r1", "created", contains("lunch", 1, COFFEE, List.of("x"), true)));

        Event byHand = added(user, "e1", "Lunch", null, TRAVEL, List.of());
        topology.send(byHand);
        topology.send(updated(user, "e1", 2, "Lunch again", TRAVEL));

        assertThat(topology.readEvents()).noneMatch(e -> e.data() instanceof ExpenseCategorized);
    }

    @Test
    void anExpenseIsLearnedAfterTwoCorrectionsButNotAfterOne() {
        topology.send(addedByHand(user, "Flat white", "Blue Bottle", COFFEE));
        topology.send(added(user, UUID.randomUUID().toString(), "Cortado", "Blue Bottle", null, List.of()));
        topology.send(addedByHand(user, "Latte", "Blue Bottle", COFFEE));
        topology.send(added(user, UUID.randomUUID().toString(), "Cortado", "Blue Bottle", null, List.of("own")));

        List<Event> out = topology.readEvents();
        assertThat(out).hasSize(5);
        ExpenseCategorized learned = categorization(out.get(4));
        assertThat(learned.categoryId()).isEqualTo(COFFEE);
        assertThat(learned.categorizedBy()).isEqualTo("learned");
        assertThat(learned.reason()).isEqualTo("learned");
        assertThat(learned.ruleId()).isNull();
        assertThat(learned.tags()).containsExactly("own");
    }

    @Test
    void rulesComeBeforeWhatWasLearned() {
        topology.send(addedByHand(user, "Flat white", "Blue Bottle", COFFEE));
        topology.send(addedByHand(user, "Latte", "Blue Bottle", COFFEE));
        topology.send(rule(user, "r1", "created", contains("cortado", 1, TRAVEL, List.of(), false)));

        topology.send(added(user, UUID.randomUUID().toString(), "Cortado", "Blue Bottle", null, List.of()));

        ExpenseCategorized result = categorization(topology.readEvents().get(3));
        assertThat(result.categoryId()).isEqualTo(TRAVEL);
        assertThat(result.categorizedBy()).isEqualTo("rule");
    }

    @Test
    void aDeletedCategoryIsForgottenByRulesAndLearning() {
        topology.send(rule(user, "r1", "created", contains("lunch", 1, COFFEE, List.of(), false)));
        topology.send(addedByHand(user, "Flat white", "Blue Bottle", COFFEE));
        topology.send(addedByHand(user, "Latte", "Blue Bottle", COFFEE));
        topology.send(categoryDeleted(user, COFFEE));

        topology.send(added(user, "Lunch"));
        topology.send(added(user, UUID.randomUUID().toString(), "Cortado", "Blue Bottle", null, List.of()));

        assertThat(topology.readEvents()).hasSize(4).noneMatch(e -> e.data() instanceof ExpenseCategorized);
    }

    @Test
    void anUpdateWithoutCategoryIsCategorizedAgainAtItsNewVersion() {
        topology.send(rule(user, "r1", "created", contains("taxi", 1, TRAVEL, List.of(), false)));
        topology.send(added(user, "e1", "Lunch", null, null, List.of()));

        topology.send(updated(user, "e1", 2, "Taxi", null));

        List<Event> out = topology.readEvents();
        assertThat(out).hasSize(3);
        ExpenseCategorized result = categorization(out.get(2));
        assertThat(result.expenseId()).isEqualTo("e1");
        assertThat(result.expenseVersion()).isEqualTo(2);
        assertThat(result.categoryId()).isEqualTo(TRAVEL);
    }

    @Test
    void anExpenseNothingCategorizesStaysUncategorizedWithoutAnExtraEvent() {
        topology.send(registered(user));

        topology.send(added(user, "Zorblax premium"));

        assertThat(topology.readEvents()).hasSize(1);
    }

    @Test
    void deletesAndTheApisOwnCategorizationsPassThroughUnchanged() {
        topology.send(rule(user, "r1", "created", contains("lunch", 1, COFFEE, List.of(), false)));
        Event delete = deleted(user, "e1", 2);
        Event applied = Event.create(user, "test", new ExpenseCategorized("e1", 1, TRAVEL, "rule", List.of(), "r9",
                "rules-applied"));

        topology.send(delete);
        topology.send(applied);

        assertThat(topology.readEvents()).containsExactly(delete, applied);
    }

    @Test
    void categoryAndUserEventsAreNotCopiedToTheOutput() {
        topology.send(registered(user));
        topology.send(rule(user, "r1", "created", contains("lunch", 1, COFFEE, List.of(), false)));
        topology.send(categoryDeleted(user, TRAVEL));

        assertThat(topology.read()).isEmpty();
    }

    @Test
    void theCategorizationsIdIsDerivedFromItsSourceEvent() {
        topology.send(rule(user, "r1", "created", contains("lunch", 1, COFFEE, List.of(), false)));
        Event add = added(user, "Lunch");

        topology.send(add);

        Event categorized = topology.readEvents().get(1);
        assertThat(categorized.id()).isEqualTo(ExpenseCategorizer.categorizedEventId(add.id())).isNotEqualTo(add.id());
        assertThat(categorized.occurredAt()).isEqualTo(add.occurredAt());
        assertThat(categorized.correlationId()).isEqualTo(add.correlationId());
    }

    @Test
    void poisonRecordsOnEveryInputAreSkippedAndLaterEventsStillFlow() {
        byte[] poison = "{not an event".getBytes(StandardCharsets.UTF_8);
        topology.sendRaw(Topic.EXPENSES, user, poison);
        topology.sendRaw(Topic.CATEGORIES, user, poison);
        topology.sendRaw(Topic.USERS, user, poison);
        topology.send(rule(user, "r1", "created", contains("lunch", 1, COFFEE, List.of(), false)));

        topology.send(added(user, "Lunch"));

        assertThat(topology.readEvents()).hasSize(2);
    }

    @Test
    void aDeletedUserIsForgotten() {
        topology.send(rule(user, "r1", "created", contains("lunch", 1, COFFEE, List.of(), false)));
        topology.send(Event.create(user, "test", new io.ganaka.schemas.EventPayload.UserDeleted("self")));

        topology.send(added(user, "Lunch"));

        assertThat(topology.readEvents()).hasSize(1);
    }

    private static ExpenseCategorized categorization(Event event) {
        assertThat(event.data()).isInstanceOf(ExpenseCategorized.class);
        return (ExpenseCategorized) event.data();
    }
}
