package io.ganaka.api.http;

import java.util.Map;

/** A problem plus the headers that must go with it ({@code Retry-After}, {@code WWW-Authenticate}). */
public record ProblemResponse(Problem problem, Map<String, String> headers) {

    public ProblemResponse(Problem problem) {
        this(problem, Map.of());
    }

    public ProblemResponse withRequestId(String requestId) {
        return new ProblemResponse(problem.withRequestId(requestId), headers);
    }
}
