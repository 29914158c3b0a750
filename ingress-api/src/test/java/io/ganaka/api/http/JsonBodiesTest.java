package io.ganaka.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ganaka.api.errors.FieldError;
import io.ganaka.api.errors.ValidationException;
import io.ganaka.schemas.Json;
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

    @Test
    void refusesEveryServerOwnedFieldNamingEachOne() {
        assertThatThrownBy(() -> JsonBodies.refuseServerFields(Json.MAPPER.readTree(
                "{\"amount\":\"1.00\",\"userId\":\"u\",\"id\":\"x\",\"createdAt\":\"t\",\"updatedAt\":\"t\","
                        + "\"role\":\"admin\",\"version\":9}")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactlyInAnyOrder("id", "userId", "createdAt", "updatedAt", "role", "version"));
    }

    @Test
    void refusesAServerFieldEvenWhenItIsNull() {
        assertThatThrownBy(() -> JsonBodies.refuseServerFields(Json.MAPPER.readTree("{\"role\":null}")))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void allowsServerFieldNamesInsideNestedValuesAndNonObjectBodies() {
        assertThatCode(() -> JsonBodies.refuseServerFields(Json.MAPPER.readTree(
                "{\"categoryId\":\"c\",\"preferences\":{\"id\":1},\"items\":[{\"version\":1}]}")))
                .doesNotThrowAnyException();
        assertThatCode(() -> JsonBodies.refuseServerFields(Json.MAPPER.readTree("[{\"id\":1}]")))
                .doesNotThrowAnyException();
    }
}
