package io.ganaka.api.auth;

/** The answer to every well-formed registration, new address or not, so it reveals nothing about existing accounts. */
public record RegistrationAccepted(String email, String status, String message) {

    public static RegistrationAccepted forEmail(String email) {
        return new RegistrationAccepted(email, "accepted",
                "If this address is new, the account was created. Sign in to continue.");
    }
}
