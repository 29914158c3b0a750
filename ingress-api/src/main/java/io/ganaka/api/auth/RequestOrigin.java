package io.ganaka.api.auth;

/**
 * Where a request came from, for rate limits and security events. {@code address} is the socket's remote address:
 * X-Forwarded-For is deliberately ignored, since any client can set it and no trusted proxy is configured.
 */
public record RequestOrigin(String requestId, String address) {}
