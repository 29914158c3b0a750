package io.ganaka.schemas.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * How one delivery attempt ended, classified for whoever retries: {@link Result#SENT} on a 2xx; {@link Result#RETRY}
 * on a 5xx, 429, 408, a timeout or a connection failure, when trying again later can succeed; {@link Result#FAILED}
 * on any other answer (4xx, a redirect, which is not followed) or a target that may not be reached, when only the
 * user can fix it.
 *
 * @param statusCode the target's HTTP status, null when no answer came
 * @param error      what went wrong in words, null when sent
 * @param retryAfter how long the target asked to be left alone ({@code Retry-After} on a 429 or 503), or null
 */
public record DeliveryOutcome(Result result, Integer statusCode, Duration duration, String error,
                              Duration retryAfter) {

    /** The longest {@code Retry-After} honoured; a larger one is taken as this. */
    static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

    public enum Result {
        SENT, RETRY, FAILED;

        /** The lower-case name used in JSON and in the database. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The outcome of an HTTP answer with {@code status}; {@code retryAfterHeader} may be null. */
    public static DeliveryOutcome ofAnswer(int status, String retryAfterHeader, Duration duration, Instant now) {
        Result result = classify(status);
        String error = switch (result) {
            case SENT -> null;
            case RETRY -> "the target answered " + status;
            case FAILED -> status >= 300 && status < 400
                    ? "the target answered " + status + "; redirects are not followed"
                    : "the target answered " + status;
        };
        Duration retryAfter = result == Result.RETRY ? retryAfter(retryAfterHeader, now) : null;
        return new DeliveryOutcome(result, status, duration, error, retryAfter);
    }

    /** No answer, but another attempt may get one (timeout, refused or reset connection, DNS failure). */
    public static DeliveryOutcome retry(String error, Duration duration) {
        return new DeliveryOutcome(Result.RETRY, null, duration, error, null);
    }

    /** No answer, and none will come without the user changing the webhook (a refused or invalid target). */
    public static DeliveryOutcome failed(String error, Duration duration) {
        return new DeliveryOutcome(Result.FAILED, null, duration, error, null);
    }

    public boolean sent() {
        return result == Result.SENT;
    }

    static Result classify(int status) {
        if (status >= 200 && status < 300) {
            return Result.SENT;
        }
        if (status == 408 || status == 429 || (status >= 500 && status < 600)) {
            return Result.RETRY;
        }
        return Result.FAILED;
    }

    /** {@code Retry-After} as delay-seconds or an HTTP date; null when absent or unreadable, never negative. */
    static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        Duration delay;
        if (value.matches("\\d{1,9}")) {
            delay = Duration.ofSeconds(Long.parseLong(value));
        } else {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                delay = at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return delay.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : delay;
    }
}
