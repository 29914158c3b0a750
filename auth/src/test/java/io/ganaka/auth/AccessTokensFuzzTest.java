package io.ganaka.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Coverage-guided fuzzing of access-token verification (see docs/fuzzing.md). Its contract: any text either
 * verifies to a principal or throws {@link InvalidTokenException} (a 401), never anything else. Two targets: any
 * text as the bearer token, and any claims JSON signed with the right key, which is what reaches the claim checks
 * behind the signature. Without JAZZER_FUZZ=1 the seeds in {@code AccessTokensFuzzTestInputs/<method>/} replay.
 */
class AccessTokensFuzzTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-03-15T12:00:00Z");
    private static final AccessTokens TOKENS =
            new AccessTokens(SECRET, Duration.ofMinutes(15), Clock.fixed(NOW, ZoneOffset.UTC));
    private static final String HS256_HEADER = base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"
            .getBytes(StandardCharsets.UTF_8));

    @FuzzTest(maxDuration = "60s")
    void anyBearerText(byte[] token) {
        verifyOrRefuse(new String(token, StandardCharsets.UTF_8));
    }

    @FuzzTest(maxDuration = "60s")
    void signedClaims(byte[] claimsJson) {
        String unsigned = HS256_HEADER + "." + base64Url(claimsJson);
        Principal principal = verifyOrRefuse(unsigned + "." + base64Url(hmac(unsigned)));
        if (principal != null) {
            assertThat(principal.userId()).isNotBlank();
            assertThat(principal.role()).isNotNull();
            assertThat(principal.tokenId()).isNotNull();
        }
    }

    private static Principal verifyOrRefuse(String token) {
        try {
            return TOKENS.verify(token);
        } catch (InvalidTokenException refused) {
            return null;
        }
    }

    private static byte[] hmac(String signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
