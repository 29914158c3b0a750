package io.ganaka.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ganaka.schemas.EventIds;
import io.ganaka.schemas.Json;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the errors Jetty produces before Javalin sees the request (an undecodable path such as {@code /x/%ZZ}) as
 * problem+json with the security headers and a request id, instead of Jetty's HTML page.
 */
public final class ServerErrors extends ErrorHandler {

    /**
     * Every method gets its problem: Jetty's default writes a body only for GET, POST and HEAD, so a PUT or DELETE it
     * refused (a 431 for headers too large, a 400 for an undecodable path) went out with no body and no media type.
     */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws JsonProcessingException {
        String requestId = EventIds.newId();
        boolean server = code >= 500;
        // Jetty's message may quote the raw request; the client gets a fixed sentence instead.
        Problem problem = Problem.of(server ? "internal" : "bad-request", HttpStatus.getMessage(code), code,
                server ? "Something went wrong on our side. Quote request id " + requestId + " when reporting it."
                        : "The request could not be understood.", null).withRequestId(requestId);
        SecurityHeaders.forScheme(request.getHttpURI().getScheme()).forEach(response.getHeaders()::put);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        response.getHeaders().put(Requests.REQUEST_ID_HEADER, requestId);
        response.write(true, ByteBuffer.wrap(Json.MAPPER.writeValueAsBytes(problem)), callback);
    }
}
