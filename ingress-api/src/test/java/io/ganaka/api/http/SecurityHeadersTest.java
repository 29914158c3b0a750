package io.ganaka.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    @Test
    void everyResponseForbidsCachingFramingSniffingAndReferrers() {
        assertThat(SecurityHeaders.forScheme("http"))
                .containsEntry("Cache-Control", "no-store")
                .containsEntry("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .containsEntry("X-Content-Type-Options", "nosniff")
                .containsEntry("X-Frame-Options", "DENY")
                .containsEntry("Referrer-Policy", "no-referrer");
    }

    @Test
    void strictTransportSecurityOnlyOverTls() {
        assertThat(SecurityHeaders.forScheme("http")).doesNotContainKey("Strict-Transport-Security");
        assertThat(SecurityHeaders.forScheme("https"))
                .containsEntry("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
}
