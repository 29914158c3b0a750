package io.ganaka.api.categories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ganaka.api.errors.FieldError;
import io.ganaka.api.errors.MalformedRequestException;
import io.ganaka.api.errors.ValidationException;
import io.ganaka.schemas.Json;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class CategoryRequestTest {

    private static ObjectNode valid() {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("name", "Coffee").put("description", "Beans and cups").put("color", "#8A5A44");
        return body;
    }

    private static List<FieldError> errorsOf(Consumer<ObjectNode> change) {
        ObjectNode body = valid();
        change.accept(body);
        return catchThrowableOfType(ValidationException.class, () -> CategoryRequest.from(body)).errors();
    }

    @Test
    void acceptsACategoryAndStoresTheColourLowerCase() {
        assertThat(CategoryRequest.from(valid()))
                .isEqualTo(new CategoryRequest("Coffee", "Beans and cups", "#8a5a44"));
    }

    @Test
    void onlyTheNameIsRequiredAndItIsTrimmed() {
        ObjectNode body = Json.MAPPER.createObjectNode().put("name", "  Rent  ");
        body.putNull("color");
        assertThat(CategoryRequest.from(body)).isEqualTo(new CategoryRequest("Rent", null, null));
    }

    @Test
    void aNameIsRequiredNotBlankAtMostSixtyCharactersAndWithoutControlCharacters() {
        assertThat(errorsOf(b -> b.remove("name"))).containsExactly(new FieldError("name", "is required"));
        assertThat(errorsOf(b -> b.put("name", "   "))).containsExactly(new FieldError("name", "must not be blank"));
        assertThat(errorsOf(b -> b.put("name", "x".repeat(61)))).extracting(FieldError::field).containsExactly("name");
        assertThat(CategoryRequest.from(valid().put("name", "x".repeat(60))).name()).hasSize(60);
        assertThat(errorsOf(b -> b.put("name", "Tab\there"))).containsExactly(
                new FieldError("name", "must not contain control characters"));
        assertThat(errorsOf(b -> b.put("name", 7))).containsExactly(new FieldError("name", "must be a string"));
    }

    @Test
    void aDescriptionHasAtMostFiveHundredCharacters() {
        assertThat(errorsOf(b -> b.put("description", "d".repeat(501)))).extracting(FieldError::field)
                .containsExactly("description");
        assertThat(CategoryRequest.from(valid().put("description", "d".repeat(500))).description()).hasSize(500);
    }

    @Test
    void aColourMustBeHashAndSixHexDigits() {
        for (String bad : List.of("8a5a44", "#8a5a4", "#8a5a444", "#gggggg", "red")) {
            assertThat(errorsOf(b -> b.put("color", bad))).as(bad)
                    .containsExactly(new FieldError("color", "must be a colour as #rrggbb, e.g. #8a5a44"));
        }
        assertThat(errorsOf(b -> b.put("color", 123456))).extracting(FieldError::field).containsExactly("color");
    }

    @Test
    void unknownFieldsAreRefusedByNameWithEveryOtherProblem() {
        assertThat(errorsOf(b -> b.put("colour", "#000000").put("isDefault", true).put("name", "")))
                .extracting(FieldError::field).containsExactlyInAnyOrder("colour", "isDefault", "name");
    }

    @Test
    void aBodyThatIsNotAnObjectIsMalformed() {
        assertThatThrownBy(() -> CategoryRequest.from(Json.MAPPER.createArrayNode()))
                .isInstanceOf(MalformedRequestException.class);
    }
}
