package io.ganaka.api.errors;

/** One problem with one field of a request, e.g. {@code {"field": "amount", "message": "must be greater than 0"}}. */
public record FieldError(String field, String message) {}
