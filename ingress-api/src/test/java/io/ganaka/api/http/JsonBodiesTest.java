package io.ganaka.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonBodiesTest {

    @Test
    void acceptsJsonMediaTypesWithParameters() {
        assertThat(JsonBodies.isJson("application/json")).isTrue();
        assertThat(JsonBodies.isJson("application/json; charset=utf-8")).isTrue();
        assertThat(JsonBodies.isJson("Application/JSON")).isTrue();
        assertThat(JsonBodies.isJson("application/merge-patch+json")).isTrue();
    }

    @Test
    void refusesOtherOrMissingMediaTypes() {
        assertThat(JsonBodies.isJson(null)).isFalse();
        assertThat(JsonBodies.isJson("text/plain")).isFalse();
        assertThat(JsonBodies.isJson("application/x-www-form-urlencoded")).isFalse();
        assertThat(JsonBodies.isJson("text/json+html")).isFalse();
    }
}
