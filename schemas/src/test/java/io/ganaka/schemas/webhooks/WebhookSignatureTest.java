package io.ganaka.schemas.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ganaka.schemas.webhooks.WebhookSignature.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String SECRET = "whsec_test_secret";
    private static final byte[] BODY = "{\"id\":\"evt_1\",\"type\":\"webhook.test\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant AT = Instant.ofEpochSecond(1_700_000_000L);
    private static final Duration TOLERANCE = WebhookSignature.DEFAULT_TOLERANCE;
    /** Computed apart from this code: printf '1700000000.<body>' | openssl dgst -sha256 -hmac whsec_test_secret */
    private static final String KNOWN_HEADER =
            "t=1700000000,v1=300fe9a62e4c5c166d1ecf49f67cd28c64436b147d91784ac110bd597486ec23";

    @Test
    void signsTheTimestampAndBodyAsTheKnownVectorSays() {
        assertThat(WebhookSignature.header(SECRET, AT, BODY)).isEqualTo(KNOWN_HEADER);
    }

    @Test
    void signsAnEmptyBodyAsTheKnownVectorSays() {
        assertThat(WebhookSignature.header(SECRET, AT, new byte[0])).isEqualTo(
                "t=1700000000,v1=316b9ab98c15bfa039d243f3196acee619cf29749a91a634e6a8154e2f7b6727");
    }

    @Test
    void acceptsTheKnownVectorWithinTheTolerance() {
        assertThat(WebhookSignature.verify(SECRET, KNOWN_HEADER, BODY, AT.plusSeconds(299), TOLERANCE))
                .isEqualTo(Verdict.VALID);
        assertThat(WebhookSignature.verify(SECRET, KNOWN_HEADER, BODY, AT.minusSeconds(299), TOLERANCE))
                .isEqualTo(Verdict.VALID);
    }

    @Test
    void refusesATimestampOutsideTheToleranceAsAPossibleReplay() {
        assertThat(WebhookSignature.verify(SECRET, KNOWN_HEADER, BODY, AT.plusSeconds(301), TOLERANCE))
                .isEqualTo(Verdict.OUTSIDE_TOLERANCE);
        assertThat(WebhookSignature.verify(SECRET, KNOWN_HEADER, BODY, AT.minusSeconds(301), TOLERANCE))
                .isEqualTo(Verdict.OUTSIDE_TOLERANCE);
    }

    @Test
    void refusesAnotherSecretAChangedBodyOrAMovedTimestamp() {
        assertThat(WebhookSignature.verify("whsec_other", KNOWN_HEADER, BODY, AT, TOLERANCE))
                .isEqualTo(Verdict.MISMATCH);
        byte[] changed = "{\"id\":\"evt_2\",\"type\":\"webhook.test\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignature.verify(SECRET, KNOWN_HEADER, changed, AT, TOLERANCE)).isEqualTo(Verdict.MISMATCH);
        String moved = KNOWN_HEADER.replace("t=1700000000", "t=1700000001");
        assertThat(WebhookSignature.verify(SECRET, moved, BODY, AT, TOLERANCE)).isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void acceptsAnyOfSeveralSignaturesAndIgnoresUnknownSchemes() {
        String header = "t=1700000000,v1=" + "0".repeat(64) + ",v2=whatever," + KNOWN_HEADER.substring(KNOWN_HEADER.indexOf("v1="));

        assertThat(WebhookSignature.verify(SECRET, header, BODY, AT, TOLERANCE)).isEqualTo(Verdict.VALID);
    }

    @Test
    void callsMissingOrBrokenHeadersMalformed() {
        for (String header : new String[] {null, "", "v1=" + "a".repeat(64), "t=1700000000", "t=abc,v1=00",
                "t=1700000000,v1=xyz", "t=1,t=2,v1=" + "a".repeat(64), "t=1700000000;v1=" + "a".repeat(64)}) {
            assertThat(WebhookSignature.verify(SECRET, header, BODY, AT, TOLERANCE)).as(header)
                    .isEqualTo(Verdict.MALFORMED);
        }
    }

    @Test
    void roundTripsFreshSecrets() {
        String secret = WebhookSecrets.generate();
        String header = WebhookSignature.header(secret, AT, BODY);

        assertThat(secret).startsWith("whsec_").hasSize(49);
        assertThat(WebhookSignature.verify(secret, header, BODY, AT, TOLERANCE)).isEqualTo(Verdict.VALID);
        assertThat(WebhookSecrets.generate()).isNotEqualTo(secret);
    }

    @Test
    void aDeliveryNeverPrintsItsSecret() {
        WebhookDelivery delivery = new WebhookDelivery("https://x.example.org/", SECRET, "webhook.test", "d-1", BODY);

        assertThat(delivery.toString()).contains("https://x.example.org/").doesNotContain(SECRET);
    }

    @Test
    void refusesToSignWithoutASecret() {
        assertThatThrownBy(() -> WebhookSignature.header("", AT, BODY)).isInstanceOf(IllegalArgumentException.class);
    }
}
