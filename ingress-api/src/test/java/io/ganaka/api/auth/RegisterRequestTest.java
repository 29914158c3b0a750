package io.ganaka.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ganaka.api.errors.FieldError;
import io.ganaka.api.errors.ValidationException;
import io.ganaka.api.http.JsonFields;
import io.ganaka.schemas.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegisterRequestTest {

    private static ObjectNode valid() {
        return Json.MAPPER.createObjectNode().put("email", "Ada@Example.org").put("password", "correct horse battery");
    }

    private static List<String> fieldsOf(ObjectNode body) {
        return catchThrowableOfType(ValidationException.class, () -> RegisterRequest.from(JsonFields.of(body)))
                .errors().stream().map(FieldError::field).toList();
    }

    @Test
    void defaultsTheTimeZoneToUtcAndNormalizesTheEmailForLookups() {
        RegisterRequest request = RegisterRequest.from(JsonFields.of(valid()));

        assertThat(request.timezone()).isEqualTo("UTC");
        assertThat(request.email()).isEqualTo("Ada@Example.org");
        assertThat(request.normalizedEmail()).isEqualTo("ada@example.org");
    }

    @Test
    void acceptsAnIanaTimeZone() {
        assertThat(RegisterRequest.from(JsonFields.of(valid().put("timezone", "Asia/Kolkata"))).timezone())
                .isEqualTo("Asia/Kolkata");
    }

    @Test
    void rejectsPasswordsOutside12To128Characters() {
        assertThat(fieldsOf(valid().put("password", "elevenchars"))).containsExactly("password");
        assertThat(fieldsOf(valid().put("password", "p".repeat(129)))).containsExactly("password");
        assertThat(RegisterRequest.from(JsonFields.of(valid().put("password", "twelve chars"))).password())
                .isEqualTo("twelve chars");
    }

    @Test
    void rejectsAMalformedEmailAndAnUnknownTimeZone() {
        assertThat(fieldsOf(valid().put("email", "not-an-email").put("timezone", "Mars/Olympus")))
                .containsExactlyInAnyOrder("email", "timezone");
    }

    @Test
    void neverShowsThePasswordInItsStringForm() {
        assertThat(RegisterRequest.from(JsonFields.of(valid())).toString()).doesNotContain("horse");
    }
}
