package io.ganaka.api.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ganaka.api.errors.FieldError;
import java.util.List;

/**
 * An RFC 9457 problem document; {@code errors} lists field problems of validation failures only, and
 * {@code requestId} is the correlation id also sent as {@code X-Request-Id}, to quote when reporting a failure.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
                      String requestId) {

    public static final String CONTENT_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://ganaka.dev/problems/";

    public static Problem of(String slug, String title, int status, String detail, String instance) {
        return new Problem(TYPE_BASE + slug, title, status, detail, instance, null, null);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, List.copyOf(fieldErrors), requestId);
    }

    public Problem withRequestId(String id) {
        return new Problem(type, title, status, detail, instance, errors, id);
    }
}
