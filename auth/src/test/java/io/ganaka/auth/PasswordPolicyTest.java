package io.ganaka.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private static final CommonPasswords COMMON = CommonPasswords.bundled();
    private final PasswordPolicy policy = new PasswordPolicy(COMMON);

    @Test
    void shipsALargeListOfCommonPasswords() {
        assertThat(COMMON.size()).isGreaterThanOrEqualTo(10_000);
        assertThat(COMMON.contains("password")).isTrue();
        assertThat(COMMON.contains("123456")).isTrue();
    }

    @Test
    void refusesACommonPasswordWhateverItsLetterCase() {
        assertThat(policy.problem("qazwsxedcrfv")).isPresent();
        assertThat(policy.problem("QazWsxEdcRfv")).get().asString().contains("commonly used");
        assertThat(policy.problem("1q2w3e4r5t6y")).isPresent();
    }

    @Test
    void acceptsTwelveTo128CharactersWithoutCompositionRules() {
        assertThat(policy.problem("all lower case words")).isEmpty();
        assertThat(policy.problem("a".repeat(11) + "b")).isEmpty();
        assertThat(policy.problem("x".repeat(64))).isEmpty();
        assertThat(policy.problem("y".repeat(128))).isEmpty();
    }

    @Test
    void refusesTooShortAndTooLongPasswords() {
        assertThat(policy.problem("elevenchars")).get().asString().contains("12 to 128");
        assertThat(policy.problem("z".repeat(129))).isPresent();
        assertThat(policy.problem(null)).isPresent();
    }

    @Test
    void countsCharactersNotUtf16Units() {
        String twelveEmoji = "\uD83D\uDE00".repeat(12);

        assertThat(policy.problem(twelveEmoji)).isEmpty();
        assertThat(policy.problem("\uD83D\uDE00".repeat(6))).isPresent();
    }
}
