package io.ganaka.api.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ganaka.api.Ids;
import io.ganaka.api.errors.ConflictException;
import io.ganaka.api.errors.NotFoundException;
import io.ganaka.schemas.EventIds;
import io.ganaka.schemas.Json;
import io.ganaka.schemas.webhooks.DeliveryOutcome;
import io.ganaka.schemas.webhooks.WebhookDelivery;
import io.ganaka.schemas.webhooks.WebhookDeliveryLog;
import io.ganaka.schemas.webhooks.WebhookEventTypes;
import io.ganaka.schemas.webhooks.WebhookSecrets;
import io.ganaka.schemas.webhooks.WebhookSender;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * A user's webhooks. Like accounts they are written synchronously and publish no event: nothing downstream projects
 * them, and the deliverer reads the table itself. The secret is generated here and shown only when created or
 * rotated. Another user's ids, and malformed ones, are simply not found.
 */
public final class WebhookService {

    /** The most webhooks one user may have. */
    public static final int MAX_WEBHOOKS = 10;
    /** Delivery attempts kept per webhook; older ones are dropped as new ones come. */

    private final WebhookRepository webhooks;
    private final WebhookSender sender;
    private final Clock clock;

    public WebhookService(WebhookRepository webhooks, WebhookSender sender, Clock clock) {
        this.webhooks = webhooks;
        this.sender = sender;
        this.clock = clock;
    }

    public List<WebhookView> list(String userId) throws SQLException {
        return webhooks.list(UUID.fromString(userId));
    }

    public WebhookView get(String userId, String id) throws SQLException {
        return webhooks.find(UUID.fromString(userId), webhookId(userId, id)).orElseThrow(() -> notFound(userId, id));
    }

    /** @throws ConflictException when the user already has {@value #MAX_WEBHOOKS} webhooks */
    public WebhookWithSecret create(String userId, WebhookRequest request) throws SQLException {
        String secret = WebhookSecrets.generate();
        WebhookView created = webhooks.create(UUID.fromString(userId), UUID.fromString(EventIds.newId()), request,
                secret, MAX_WEBHOOKS);
        return WebhookWithSecret.of(created, secret);
    }

    public WebhookView replace(String userId, String id, WebhookRequest request) throws SQLException {
        return webhooks.replace(UUID.fromString(userId), webhookId(userId, id), request)
                .orElseThrow(() -> notFound(userId, id));
    }

    public void delete(String userId, String id) throws SQLException {
        if (!webhooks.delete(UUID.fromString(userId), webhookId(userId, id))) {
            throw notFound(userId, id);
        }
    }

    public WebhookWithSecret rotateSecret(String userId, String id) throws SQLException {
        String secret = WebhookSecrets.generate();
        return webhooks.rotateSecret(UUID.fromString(userId), webhookId(userId, id), secret)
                .map(view -> WebhookWithSecret.of(view, secret))
                .orElseThrow(() -> notFound(userId, id));
    }

    /**
     * Sends a signed {@code webhook.test} delivery now, active or not, and says how it went. The target's failures
     * are the answer, never an error of this call.
     */
    public WebhookTestResult test(String userId, String id, String correlationId) throws SQLException {
        UUID user = UUID.fromString(userId);
        UUID webhook = webhookId(userId, id);
        WebhookTarget target = webhooks.target(user, webhook).orElseThrow(() -> notFound(userId, id));
        String eventId = EventIds.newId();
        UUID deliveryId = UUID.fromString(EventIds.newId());
        byte[] body = body(WebhookTestEvent.of(eventId, clock.instant(), userId, correlationId, webhook.toString()));
        DeliveryOutcome outcome = sender.send(new WebhookDelivery(target.url(), target.secret(),
                WebhookEventTypes.TEST, deliveryId.toString(), body));
        webhooks.recordAttempt(new WebhookDeliveryLog.Attempt(user, webhook, deliveryId, 1, eventId,
                WebhookEventTypes.TEST, outcome));
        return WebhookTestResult.of(deliveryId.toString(), eventId, outcome);
    }

    private static byte[] body(WebhookTestEvent event) {
        try {
            return Json.MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            // Plain strings and an instant: failing here is a broken mapper, not bad input.
            throw new IllegalStateException(e);
        }
    }

    /** The id in a path; a malformed one is answered like another user's: not found. */
    private static UUID webhookId(String userId, String id) {
        return Ids.parse(id).orElseThrow(() -> notFound(userId, id));
    }

    private static NotFoundException notFound(String userId, String id) {
        return new NotFoundException("no webhook " + id + " for user " + userId);
    }
}
