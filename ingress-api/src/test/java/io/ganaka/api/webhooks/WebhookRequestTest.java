package io.ganaka.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ganaka.api.errors.FieldError;
import io.ganaka.api.errors.MalformedRequestException;
import io.ganaka.api.errors.ValidationException;
import io.ganaka.schemas.Json;
import io.ganaka.schemas.webhooks.WebhookTargetPolicy;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class WebhookRequestTest {

    private static final WebhookTargetPolicy PUBLIC_ONLY = new WebhookTargetPolicy(false);

    private static ObjectNode valid() {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("url", "https://hooks.example.org/ganaka").put("description", "Bookkeeping").put("active", false);
        body.putArray("eventTypes").add("expense.added").add("alert.raised");
        return body;
    }

    private static List<FieldError> errorsOf(Consumer<ObjectNode> change) {
        ObjectNode body = valid();
        change.accept(body);
        return catchThrowableOfType(ValidationException.class, () -> WebhookRequest.from(body, PUBLIC_ONLY)).errors();
    }

    @Test
    void acceptsAWebhook() {
        assertThat(WebhookRequest.from(valid(), PUBLIC_ONLY)).isEqualTo(new WebhookRequest(
                "https://hooks.example.org/ganaka", List.of("expense.added", "alert.raised"), "Bookkeeping", false));
    }

    @Test
    void isActiveWithoutDescriptionUnlessToldAndDropsRepeatedTypes() {
        ObjectNode body = Json.MAPPER.createObjectNode().put("url", " https://hooks.example.org/in ");
        body.putArray("eventTypes").add("report.updated").add("report.updated").add("notification.sent");

        assertThat(WebhookRequest.from(body, PUBLIC_ONLY)).isEqualTo(new WebhookRequest(
                "https://hooks.example.org/in", List.of("report.updated", "notification.sent"), null, true));
    }

    @Test
    void requiresAUrlAndEventTypes() {
        ObjectNode body = Json.MAPPER.createObjectNode();

        assertThat(catchThrowableOfType(ValidationException.class, () -> WebhookRequest.from(body, PUBLIC_ONLY))
                .errors()).containsExactly(new FieldError("url", "is required"),
                new FieldError("eventTypes", "is required"));
    }

    @Test
    void refusesUrlsThePolicyRefusesWithItsReason() {
        assertThat(errorsOf(b -> b.put("url", "ftp://hooks.example.org/"))).containsExactly(
                new FieldError("url", "must be an absolute http or https URL"));
        assertThat(errorsOf(b -> b.put("url", "https://me:pw@hooks.example.org/"))).containsExactly(
                new FieldError("url", "must not contain credentials (user:password@)"));
        assertThat(errorsOf(b -> b.put("url", "http://127.0.0.1:8080/"))).containsExactly(
                new FieldError("url", WebhookTargetPolicy.PRIVATE_TARGET));
        assertThat(errorsOf(b -> b.put("url", 42))).containsExactly(new FieldError("url", "must be a string"));
    }

    @Test
    void acceptsPrivateTargetsWhenThePolicyAllowsThem() {
        ObjectNode body = valid().put("url", "http://127.0.0.1:8080/hook");

        assertThat(WebhookRequest.from(body, new WebhookTargetPolicy(true)).url())
                .isEqualTo("http://127.0.0.1:8080/hook");
    }

    @Test
    void refusesEventTypesThatCannotBeSubscribedToNamingThemAndTheChoices() {
        List<FieldError> errors = errorsOf(b -> b.putArray("eventTypes").add("expense.added").add("user.deleted")
                .add(7));

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("eventTypes");
            assertThat(e.message()).contains("(user.deleted, 7)").contains("expense.added, expense.updated,"
                    + " expense.deleted, alert.raised, report.updated, notification.sent");
        });
        assertThat(errorsOf(b -> b.putArray("eventTypes"))).extracting(FieldError::field)
                .containsExactly("eventTypes");
        assertThat(errorsOf(b -> b.put("eventTypes", "expense.added"))).extracting(FieldError::field)
                .containsExactly("eventTypes");
        assertThat(errorsOf(b -> b.putArray("eventTypes").add("webhook.test"))).extracting(FieldError::field)
                .containsExactly("eventTypes");
    }

    @Test
    void reportsEveryProblemAtOnceUnknownFieldsIncluded() {
        List<FieldError> errors = errorsOf(b -> b.put("active", "yes").put("description", "x".repeat(501))
                .put("secret", "mine"));

        assertThat(errors).containsExactlyInAnyOrder(
                new FieldError("secret", "is not a known field"),
                new FieldError("description", "must be 1 to 500 characters long"),
                new FieldError("active", "must be true or false"));
    }

    @Test
    void refusesABodyThatIsNotAnObject() {
        assertThatThrownBy(() -> WebhookRequest.from(Json.MAPPER.createArrayNode(), PUBLIC_ONLY))
                .isInstanceOf(MalformedRequestException.class);
    }
}
