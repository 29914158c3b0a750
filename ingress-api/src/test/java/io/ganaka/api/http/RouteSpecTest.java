package io.ganaka.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouteSpecTest {

    @Test
    void aPathParameterMatchesExactlyOneSegment() {
        RouteSpec route = new RouteSpec("get", "/reports/monthly/{year}/{month}", ApiRole.USER);

        assertThat(route.method()).isEqualTo("GET");
        assertThat(route.matches("/reports/monthly/2026/3")).isTrue();
        assertThat(route.matches("/reports/monthly/2026/3/")).isTrue();
        assertThat(route.matches("/reports/monthly/2026")).isFalse();
        assertThat(route.matches("/reports/monthly/2026/3/x")).isFalse();
        assertThat(route.matches("/reports/monthly//3")).isFalse();
    }

    @Test
    void literalSegmentsAreNotPatterns() {
        RouteSpec route = new RouteSpec("GET", "/a.b", ApiRole.PUBLIC);

        assertThat(route.matches("/a.b")).isTrue();
        assertThat(route.matches("/axb")).isFalse();
    }

    @Test
    void onlyPublicRoutesNeedNoToken() {
        assertThat(new RouteSpec("GET", "/health", ApiRole.PUBLIC).authenticated()).isFalse();
        assertThat(new RouteSpec("GET", "/auth/me", ApiRole.USER).authenticated()).isTrue();
    }
}
