package io.ganaka.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ganaka.api.HttpLimits;
import io.ganaka.schemas.EventIds;
import io.ganaka.schemas.Json;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's quality-of-service handler in front of Javalin: it bounds the requests in progress and those waiting for a
 * slot (suspended, holding no thread), and answers the rest 503 problem+json with {@code Retry-After}. Health probes,
 * metrics and live sockets pass without a slot, so an overloaded API still answers its orchestrator.
 */
public final class Admission extends QoSHandler {

    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final Consumer<String> onShed;

    /** @param onShed told the method of every request shed (for the metrics) */
    public Admission(HttpLimits limits, Consumer<String> onShed) {
        this.onShed = onShed;
        setMaxRequestCount(limits.maxConcurrent());
        setMaxSuspendedRequestCount(limits.maxQueued());
        setMaxSuspend(limits.queueWait());
        setRejectStatusCode(HttpStatus.SERVICE_UNAVAILABLE_503);
        excludePath("/health", "/ready", "/metrics", "/ws/*");
    }

    @Override
    protected void reject(Request request, Response response, Callback callback, int status) {
        shed(request, response, callback);
    }

    @Override
    protected void failSuspended(Request request, Response response, Callback callback, int status, Throwable cause) {
        // The wait for a slot expired (or the server is stopping): the same answer as a full queue.
        shed(request, response, callback);
    }

    private void shed(Request request, Response response, Callback callback) {
        onShed.accept(request.getMethod());
        String requestId = EventIds.newId();
        Problem problem = Problem.of("service-unavailable", "Service Unavailable", 503,
                "The service cannot take this request right now; retry after " + RETRY_AFTER.toSeconds() + " s.",
                request.getHttpURI().getPath()).withRequestId(requestId);
        byte[] body;
        try {
            body = Json.MAPPER.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            callback.failed(e);
            return;
        }
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE_503);
        SecurityHeaders.forScheme(request.getHttpURI().getScheme()).forEach(response.getHeaders()::put);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()));
        response.getHeaders().put(Requests.REQUEST_ID_HEADER, requestId);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
