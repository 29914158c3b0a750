package io.ganaka.sinks.notify;

import java.time.Instant;
import java.util.UUID;

/**
 * One rendered notification as the dispatcher hands it to its channel: what to say ({@code subject}, {@code body}, an
 * optional {@code bodyHtml} for e-mail) and to whom ({@code recipient}: an e-mail address, a phone number, or the user
 * id for in-app). {@code attempts} counts the delivery attempts made before this one.
 */
public record Notification(UUID id, UUID userId, String kind, String channel, String subject, String body,
                           String bodyHtml, String recipient, UUID sourceEventId, int attempts, Instant createdAt) {}
