package io.ganaka.api.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * An alert as the API shows it: {@code status} open or dismissed, and {@code details} the {@code alert.raised}
 * payload (amount, threshold, percent, category, expense...).
 */
public record AlertView(String id, String kind, String status, String message, Instant raisedAt, Instant dismissedAt,
                        JsonNode details) {}
