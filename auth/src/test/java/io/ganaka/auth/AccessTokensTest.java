package io.ganaka.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import io.ganaka.testkit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AccessTokensTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-03-15T12:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final AccessTokens tokens = new AccessTokens(SECRET, Duration.ofMinutes(15), clock);

    @Test
    void verifiesATokenItIssuedAndReturnsItsPrincipal() {
        IssuedAccessToken issued = tokens.issue("user-1", "user");

        Principal principal = tokens.verify(issued.token());

        assertThat(principal.userId()).isEqualTo("user-1");
        assertThat(principal.role()).isEqualTo("user");
        assertThat(principal.tokenId()).isEqualTo(issued.tokenId());
        assertThat(principal.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15))).isEqualTo(issued.expiresAt());
    }

    @Test
    void rejectsAnExpiredToken() {
        IssuedAccessToken issued = tokens.issue("user-1", "user");
        AccessTokens later = new AccessTokens(SECRET, Duration.ofMinutes(15),
                Clock.fixed(NOW.plus(Duration.ofMinutes(16)), ZoneOffset.UTC));

        assertThatThrownBy(() -> later.verify(issued.token())).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void rejectsATokenOnceItExpiresEvenAfterItWasVerifiedAndRemembered() {
        MutableClock moving = new MutableClock(NOW);
        AccessTokens remembering = new AccessTokens(SECRET, Duration.ofMinutes(15), moving);
        IssuedAccessToken issued = remembering.issue("user-1", "user");
        assertThat(remembering.verify(issued.token()).userId()).isEqualTo("user-1");
        assertThat(remembering.verify(issued.token()).tokenId()).isEqualTo(issued.tokenId());

        moving.set(NOW.plus(Duration.ofMinutes(16)));

        assertThatThrownBy(() -> remembering.verify(issued.token())).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void aRememberedTokenDoesNotMakeAnAlteredCopyOfItValid() {
        IssuedAccessToken issued = tokens.issue("user-1", "user");
        tokens.verify(issued.token());

        assertThatThrownBy(() -> tokens.verify(issued.token() + "x")).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> tokens.verify(issued.token().toLowerCase(java.util.Locale.ROOT)))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void rejectsATokenForAnotherAudience() {
        String token = JWT.create().withIssuer("ganaka").withAudience("someone-else").withSubject("user-1")
                .withClaim("role", "user").withJWTId("j1").withIssuedAt(NOW).withExpiresAt(NOW.plusSeconds(60))
                .sign(Algorithm.HMAC256(SECRET));

        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void rejectsATokenFromAnotherIssuer() {
        String token = JWT.create().withIssuer("evil").withAudience("ganaka-api").withSubject("user-1")
                .withClaim("role", "user").withJWTId("j1").withIssuedAt(NOW).withExpiresAt(NOW.plusSeconds(60))
                .sign(Algorithm.HMAC256(SECRET));

        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void refusesAnUnsignedTokenWithAlgNone() {
        String token = JWT.create().withIssuer("ganaka").withAudience("ganaka-api").withSubject("user-1")
                .withClaim("role", "admin").withJWTId("j1").withIssuedAt(NOW).withExpiresAt(NOW.plusSeconds(60))
                .sign(Algorithm.none());

        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void refusesATokenSignedWithAnotherHmacAlgorithm() {
        String token = JWT.create().withIssuer("ganaka").withAudience("ganaka-api").withSubject("user-1")
                .withClaim("role", "user").withJWTId("j1").withIssuedAt(NOW).withExpiresAt(NOW.plusSeconds(60))
                .sign(Algorithm.HMAC512(SECRET));

        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void refusesATokenWhosePayloadWasTamperedWith() {
        String[] parts = tokens.issue("user-1", "user").token().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"user\"", "\"admin\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertThatThrownBy(() -> tokens.verify(forged)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void refusesEveryOneCharacterChangeOfTheSignature() {
        String token = tokens.issue("user-1", "user").token();
        int signatureStart = token.lastIndexOf('.') + 1;
        // The last character of a 43-character base64url HMAC-SHA256 carries 4 bits and 2 padding bits, so some
        // changes there decode to the same bytes; every other position must change the signature.
        for (int at = signatureStart; at < token.length() - 1; at++) {
            for (char c : new char[] {'A', 'B', 'z', '0', '-', '_'}) {
                if (c == token.charAt(at)) {
                    continue;
                }
                String forged = token.substring(0, at) + c + token.substring(at + 1);
                assertThatThrownBy(() -> tokens.verify(forged)).as("changed at %d to %s", at, c)
                        .isInstanceOf(InvalidTokenException.class);
            }
        }
    }

    @Test
    void refusesATokenSignedWithAnotherSecret() {
        AccessTokens other = new AccessTokens("another-secret-of-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8),
                Duration.ofMinutes(15), clock);

        assertThatThrownBy(() -> tokens.verify(other.issue("user-1", "user").token()))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void refusesATokenWithoutAnId() {
        String token = JWT.create().withIssuer("ganaka").withAudience("ganaka-api").withSubject("user-1")
                .withClaim("role", "user").withIssuedAt(NOW).withExpiresAt(NOW.plusSeconds(60))
                .sign(Algorithm.HMAC256(SECRET));

        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void refusesGarbage() {
        assertThatThrownBy(() -> tokens.verify("not.a.jwt")).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> tokens.verify("")).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> tokens.verify(null)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void refusesASecretShorterThan32BytesUnlessAllowedForDevelopment() {
        byte[ ] shortSecret = "too-short".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new AccessTokens(shortSecret, Duration.ofMinutes(15), clock))
                .isInstanceOf(IllegalArgumentException.class);
        AccessTokens dev = new AccessTokens(shortSecret, Duration.ofMinutes(15), clock, true);
        assertThat(dev.verify(dev.issue("user-1", "user").token()).userId()).isEqualTo("user-1");
    }

    @Test
    void carriesTheSessionAndGenerationItWasIssuedFor() {
        Principal principal = tokens.verify(tokens.issue("user-1", "user", "family-7", 3).token());

        assertThat(principal.sessionId()).isEqualTo("family-7");
        assertThat(principal.generation()).isEqualTo(3);
    }

    @Test
    void refusesAnOpaqueRefreshTokenAsAnAccessToken() {
        String refreshLooking = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);

        assertThatThrownBy(() -> tokens.verify(refreshLooking)).isInstanceOf(InvalidTokenException.class);
    }
}
