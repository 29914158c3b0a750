package io.ganaka.schemas.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.schemas.Json;
import io.ganaka.schemas.catalog.DefaultCatalog.Category;
import io.ganaka.schemas.catalog.DefaultCatalog.Rule;
import io.ganaka.schemas.rules.RuleDefinition;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DefaultCatalogTest {

    private static final UUID ADA = UUID.fromString("0190a000-0000-7000-8000-00000000000a");
    private static final UUID BOB = UUID.fromString("0190a000-0000-7000-8000-00000000000b");

    @Test
    void theSameUserAlwaysGetsTheSameIds() {
        assertThat(DefaultCatalog.categories(ADA)).isEqualTo(DefaultCatalog.categories(ADA));
        assertThat(DefaultCatalog.rules(ADA)).isEqualTo(DefaultCatalog.rules(ADA));
        assertThat(DefaultCatalog.categoryId(ADA, "coffee")).isEqualTo(DefaultCatalog.categoryId(ADA, "coffee"));
    }

    @Test
    void idsArePinnedSoThatAChangeOfTheDerivationIsNoticed() {
        // Stored rows carry these ids; deriving them differently would duplicate every user's defaults on replay.
        assertThat(DefaultCatalog.categoryId(ADA, "coffee"))
                .isEqualTo(UUID.nameUUIDFromBytes(("ganaka/default-category/" + ADA + "/coffee").getBytes()));
        assertThat(DefaultCatalog.ruleId(ADA, "coffee"))
                .isEqualTo(UUID.nameUUIDFromBytes(("ganaka/default-rule/" + ADA + "/coffee").getBytes()));
    }

    @Test
    void usersGetDistinctIdsAndCategoriesAndRulesNeverShareOne() {
        Set<UUID> ids = new HashSet<>();
        for (UUID user : List.of(ADA, BOB)) {
            DefaultCatalog.categories(user).forEach(c -> assertThat(ids.add(c.id())).as(c.key()).isTrue());
            DefaultCatalog.rules(user).forEach(r -> assertThat(ids.add(r.id())).as(r.key()).isTrue());
        }
    }

    @Test
    void categoryNamesAreUniqueIgnoringCaseAndFitTheNameRules() {
        List<String> names = DefaultCatalog.categories(ADA).stream()
                .map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
        assertThat(names).doesNotHaveDuplicates().contains("groceries", "coffee", "transport", "subscriptions");
        assertThat(DefaultCatalog.categories(ADA)).allSatisfy(c -> {
            assertThat(c.name().strip()).isEqualTo(c.name()).hasSizeBetween(1, 60);
            assertThat(c.description()).hasSizeLessThanOrEqualTo(500);
            assertThat(c.color()).matches("#[0-9a-f]{6}");
        });
    }

    @Test
    void everyRuleSetsADefaultCategoryOfTheSameUserAndRunsInCatalogOrder() {
        Set<UUID> categoryIds = new HashSet<>(DefaultCatalog.categories(ADA).stream().map(Category::id).toList());
        List<Rule> rules = DefaultCatalog.rules(ADA);
        assertThat(rules).allSatisfy(r -> {
            assertThat(categoryIds).contains(r.categoryId());
            assertThat(r.definition().actions().categoryId()).isEqualTo(r.categoryId().toString());
            assertThat(r.definition().match()).isEqualTo("any");
            assertThat(r.definition().stopProcessing()).isTrue();
            assertThat(r.definition().conditions()).isNotEmpty().allSatisfy(c -> {
                assertThat(c.field()).isIn("description", "merchant");
                assertThat(c.operator()).isEqualTo("contains");
                assertThat(c.value()).isEqualTo(c.value().toLowerCase(Locale.ROOT));
            });
        });
        assertThat(rules).extracting(r -> r.definition().priority()).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void uberEatsIsDiningBecauseTheDiningRuleRunsBeforeTransport() {
        List<Rule> rules = DefaultCatalog.rules(ADA);
        Rule dining = rules.stream().filter(r -> r.key().equals("dining")).findFirst().orElseThrow();
        Rule transport = rules.stream().filter(r -> r.key().equals("transport")).findFirst().orElseThrow();
        assertThat(dining.definition().priority()).isLessThan(transport.definition().priority());
        assertThat(dining.definition().conditions()).extracting(RuleDefinition.RuleCondition::value)
                .contains("uber eats");
        assertThat(transport.definition().conditions()).extracting(RuleDefinition.RuleCondition::value)
                .contains("uber", "lyft");
    }

    @Test
    void aRuleDefinitionSurvivesTheJsonRoundTripTheSinkStoresItWith() throws Exception {
        for (Rule rule : DefaultCatalog.rules(BOB)) {
            String json = Json.MAPPER.writeValueAsString(rule.definition());
            assertThat(Json.MAPPER.readValue(json, RuleDefinition.class)).isEqualTo(rule.definition());
        }
    }
}
