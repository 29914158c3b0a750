package io.ganaka.auth;

import java.util.Optional;

/**
 * What a new password must be (NIST SP 800-63B / ASVS 2.1): 12 to 128 characters counted as code points, any
 * characters, no composition rules, never truncated, and not on the list of common passwords.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private final CommonPasswords common;

    public PasswordPolicy(CommonPasswords common) {
        this.common = common;
    }

    /** Why the password is not acceptable, as a message for the client; empty when it is acceptable. */
    public Optional<String> problem(String password) {
        if (password == null) {
            return Optional.of("is required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            return Optional.of("must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long");
        }
        if (common.contains(password)) {
            return Optional.of("is one of the most commonly used passwords; choose another one");
        }
        return Optional.empty();
    }
}
