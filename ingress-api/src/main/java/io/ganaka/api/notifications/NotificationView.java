package io.ganaka.api.notifications;

import java.time.Instant;

/**
 * One notification in the caller's history: what it was about ({@code kind}), where it went ({@code channel}), how far
 * it got ({@code status}: pending, sent, failed, skipped), and the last error while it is retried or once it failed.
 */
public record NotificationView(String id, String kind, String channel, String status, String subject,
                               Instant createdAt, Instant sentAt, int attempts, String lastError) {}
