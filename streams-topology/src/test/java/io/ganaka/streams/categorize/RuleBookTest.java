package io.ganaka.streams.categorize;

import static io.ganaka.streams.categorize.TestEvents.contains;
import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.schemas.EventPayload.RuleChanged;
import io.ganaka.schemas.JsonSerde;
import io.ganaka.schemas.catalog.DefaultCatalog;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RuleBookTest {

    private static final Instant T1 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T2 = Instant.parse("2026-02-01T00:00:00Z");
    private final UUID user = UUID.randomUUID();

    @Test
    void registrationAddsEveryDefaultRuleOnce() {
        RuleBook book = RuleBook.EMPTY.withDefaults(user, T1);

        assertThat(book.rules()).hasSize(DefaultCatalog.rules(user).size());
        assertThat(book.withDefaults(user, T2)).isEqualTo(book);
    }

    @Test
    void anUpdateKeepsTheCreationTimeThatOrdersTies() {
        RuleBook book = RuleBook.EMPTY
                .withChange(user, new RuleChanged("r1", "created", contains("a", 1, "c", List.of(), false)), T1)
                .withChange(user, new RuleChanged("r1", "updated", contains("b", 1, "c", List.of(), false)), T2);

        assertThat(book.rules().get("r1").createdAt()).isEqualTo(T1);
        assertThat(book.rules().get("r1").definition().conditions().get(0).value()).isEqualTo("b");
    }

    @Test
    void aDefaultDeletedBeforeTheRegistrationIsReadIsNotAdded() {
        String transport = DefaultCatalog.ruleId(user, "transport").toString();

        RuleBook book = RuleBook.EMPTY.withChange(user, new RuleChanged(transport, "deleted", null), T1)
                .withDefaults(user, T2);

        assertThat(book.rules()).doesNotContainKey(transport).hasSize(DefaultCatalog.rules(user).size() - 1);
    }

    @Test
    void aDeletedCategoryTakesTheRulesThatSetItAlong() {
        RuleBook book = RuleBook.EMPTY
                .withChange(user, new RuleChanged("r1", "created", contains("a", 1, "gone", List.of(), false)), T1)
                .withChange(user, new RuleChanged("r2", "created", contains("a", 1, "kept", List.of(), false)), T1);

        assertThat(book.withoutCategory("gone").rules()).containsOnlyKeys("r2");
    }

    @Test
    void survivesAJsonRoundTripAsTheStoreKeepsIt() {
        RuleBook book = RuleBook.EMPTY.withDefaults(user, T1)
                .withChange(user, new RuleChanged(DefaultCatalog.ruleId(user, "fuel").toString(), "deleted", null), T2);
        JsonSerde<RuleBook> serde = new JsonSerde<>(RuleBook.class);

        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", book))).isEqualTo(book);
    }
}
