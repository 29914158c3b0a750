package io.ganaka.api.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.ganaka.api.http.JsonFields;
import io.ganaka.schemas.webhooks.WebhookEventTypes;
import io.ganaka.schemas.webhooks.WebhookTargetPolicy;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A validated webhook body for {@code POST} and {@code PUT /webhooks}: {@code url} a target the
 * {@link WebhookTargetPolicy} allows, {@code eventTypes} one or more of the subscribable types (repeats dropped),
 * {@code description} up to 500 characters, {@code active} true unless sent false. Every problem is reported in one
 * 400, unknown fields included.
 */
public record WebhookRequest(String url, List<String> eventTypes, String description, boolean active) {

    public static final int MAX_DESCRIPTION = 500;
    private static final Set<String> FIELDS = Set.of("url", "eventTypes", "description", "active");

    public static WebhookRequest from(JsonNode body, WebhookTargetPolicy targets) {
        JsonFields fields = JsonFields.of(body);
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                fields.reject(name, "is not a known field");
            }
        }
        String url = fields.requiredText("url", WebhookTargetPolicy.MAX_URL_LENGTH);
        if (url != null) {
            String problem = targets.problem(url).orElse(null);
            url = problem == null ? url : fields.reject("url", problem);
        }
        List<String> eventTypes = eventTypes(fields);
        String description = fields.optionalText("description", MAX_DESCRIPTION);
        boolean active = active(fields);
        fields.throwIfInvalid();
        return new WebhookRequest(url, eventTypes, description, active);
    }

    private static List<String> eventTypes(JsonFields fields) {
        JsonNode node = fields.node("eventTypes");
        if (node == null) {
            return fields.reject("eventTypes", "is required");
        }
        if (!node.isArray() || node.isEmpty()) {
            return fields.reject("eventTypes", "must be a non-empty list of event types, from: " + choices());
        }
        Set<String> types = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (JsonNode entry : node) {
            if (entry.isTextual() && WebhookEventTypes.isSubscribable(entry.textValue())) {
                types.add(entry.textValue());
            } else {
                unknown.add(entry.isTextual() ? entry.textValue() : entry.toString());
            }
        }
        if (!unknown.isEmpty()) {
            return fields.reject("eventTypes", "has types that cannot be subscribed to (" + String.join(", ", unknown)
                    + "); choose from: " + choices());
        }
        return List.copyOf(types);
    }

    private static boolean active(JsonFields fields) {
        JsonNode node = fields.node("active");
        if (node == null) {
            return true;
        }
        if (!node.isBoolean()) {
            fields.reject("active", "must be true or false");
            return true;
        }
        return node.booleanValue();
    }

    private static String choices() {
        return String.join(", ", WebhookEventTypes.SUBSCRIBABLE);
    }
}
