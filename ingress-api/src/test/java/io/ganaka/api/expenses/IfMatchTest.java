package io.ganaka.api.expenses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ganaka.api.errors.ValidationException;
import org.junit.jupiter.api.Test;

class IfMatchTest {

    @Test
    void anAbsentHeaderIsNoCondition() {
        assertThat(IfMatch.parse(null)).isNull();
    }

    @Test
    void aStarMatchesAnyVersion() {
        assertThat(IfMatch.parse("*").matches(1)).isTrue();
        assertThat(IfMatch.parse(" * ").matches(42)).isTrue();
    }

    @Test
    void aQuotedVersionMatchesExactlyThatVersion() {
        IfMatch ifMatch = IfMatch.parse("\"3\"");

        assertThat(ifMatch.matches(3)).isTrue();
        assertThat(ifMatch.matches(4)).isFalse();
        assertThat(ifMatch.matches(30)).isFalse();
    }

    @Test
    void aListMatchesAnyOfItsVersions() {
        IfMatch ifMatch = IfMatch.parse("\"2\", \"5\" ,\"7\"");

        assertThat(ifMatch.matches(5)).isTrue();
        assertThat(ifMatch.matches(7)).isTrue();
        assertThat(ifMatch.matches(3)).isFalse();
    }

    @Test
    void weakTagsNeverMatchBecauseIfMatchComparesStrongly() {
        assertThat(IfMatch.parse("W/\"3\"").matches(3)).isFalse();
        assertThat(IfMatch.parse("W/\"3\", \"4\"").matches(4)).isTrue();
    }

    @Test
    void aTagThatIsNoVersionSimplyDoesNotMatch() {
        assertThat(IfMatch.parse("\"abc\"").matches(1)).isFalse();
        assertThat(IfMatch.parse("\"\"").matches(1)).isFalse();
    }

    @Test
    void malformedHeadersAreRefusedNamingTheHeader() {
        for (String bad : new String[] {"", " ", "3", "\"3", "3\"", "\"3\" \"4\"", "\"3\",", ",\"3\"", "*, \"3\"",
                "\"a\"b\"", "w/\"3\""}) {
            ValidationException e = catchThrowableOfType(ValidationException.class, () -> IfMatch.parse(bad));
            assertThat(e).as(bad).isNotNull();
            assertThat(e.errors()).as(bad).singleElement().satisfies(error ->
                    assertThat(error.field()).isEqualTo("If-Match"));
        }
    }

    @Test
    void theETagOfAVersionIsItsNumberInQuotes() {
        assertThat(IfMatch.etag(12)).isEqualTo("\"12\"");
        assertThat(IfMatch.parse(IfMatch.etag(12)).matches(12)).isTrue();
    }
}
