package io.ganaka.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ganaka.api.errors.ConflictException;
import io.ganaka.api.errors.InvalidCredentialsException;
import io.ganaka.api.errors.MalformedRequestException;
import io.ganaka.api.errors.NotFoundException;
import io.ganaka.api.errors.PayloadTooLargeException;
import io.ganaka.api.errors.PreconditionFailedException;
import io.ganaka.api.errors.PreconditionRequiredException;
import io.ganaka.api.errors.ServiceUnavailableException;
import io.ganaka.api.errors.TooManyRequestsException;
import io.ganaka.api.errors.UnauthenticatedException;
import io.ganaka.api.errors.UnprocessableException;
import io.ganaka.api.errors.UnsupportedMediaTypeException;
import io.ganaka.api.errors.ValidationException;
import io.ganaka.auth.HasherBusyException;
import io.ganaka.auth.InvalidTokenException;
import io.ganaka.schemas.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The one place where exceptions become HTTP answers: every failure leaves as {@code application/problem+json}
 * with a stable type URI. Unexpected exceptions become a bare 500 and are logged once, with the request id.
 */
public final class ErrorMapper {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);
    private static final Duration HASHER_RETRY_AFTER = Duration.ofSeconds(1);
    private static final Duration DATABASE_RETRY_AFTER = Duration.ofSeconds(5);
    private static final Duration REDIS_RETRY_AFTER = Duration.ofSeconds(5);

    /**
     * Installs the mapper for every exception and for Javalin's own 404 (no route matched), which becomes a 405 with
     * {@code Allow} when the path exists in the route table under other methods.
     */
    public void register(RoutesConfig routes, List<RouteSpec> table) {
        routes.exception(Exception.class, (e, ctx) -> handle(e, ctx, table));
        // Javalin pre-registers a plain-text handler for its own HttpResponseException (413, 404...); override it.
        routes.exception(HttpResponseException.class, (e, ctx) -> handle(e, ctx, table));
        routes.error(404, ctx -> {
            // An exception already mapped to 404 has written its problem; only fill in the bare router 404.
            if (!isProblem(ctx)) {
                List<String> allowed = allowedMethods(table, ctx.path());
                write(ctx, allowed.isEmpty() ? new ProblemResponse(notFound(ctx.path())) : methodNotAllowed(ctx.path(),
                        allowed));
            }
        });
        routes.error(405, ctx -> {
            if (!isProblem(ctx)) {
                write(ctx, methodNotAllowed(ctx.path(), allowedMethods(table, ctx.path())));
            }
        });
    }

    /** The methods the route table serves on this path, in table order; empty when no route has this path. */
    static List<String> allowedMethods(List<RouteSpec> table, String path) {
        return table.stream().filter(r -> r.matches(path)).map(RouteSpec::method).distinct().toList();
    }

    private void handle(Exception e, Context ctx, List<RouteSpec> table) {
        if (e instanceof HttpResponseException h && (h.getStatus() == 404 || h.getStatus() == 405)) {
            // The router found no route for this method; the path may still exist under other methods.
            List<String> allowed = allowedMethods(table, ctx.path());
            write(ctx, allowed.isEmpty() ? new ProblemResponse(notFound(ctx.path()))
                    : methodNotAllowed(ctx.path(), allowed));
            return;
        }
        ProblemResponse response = toProblem(e, ctx.path(), Requests.requestId(ctx));
        int status = response.problem().status();
        // 401s are logged where their reason is known (the access check, the account service), so not again here.
        if (status == 404) {
            AccessRefusalLog.notFound(ctx);
        } else if (e instanceof OriginNotAllowedException) {
            AccessRefusalLog.originRefused(ctx);
        }
        write(ctx, response);
    }

    private static ProblemResponse methodNotAllowed(String instance, List<String> allowed) {
        Problem problem = Problem.of("method-not-allowed", "Method Not Allowed", 405,
                "This path does not accept that method.", instance);
        return allowed.isEmpty() ? new ProblemResponse(problem)
                : new ProblemResponse(problem, Map.of("Allow", String.join(", ", allowed)));
    }

    /** Pure mapping from an exception to its problem, kept apart from Javalin so it can be tested directly. */
    public ProblemResponse toProblem(Exception e, String instance, String requestId) {
        return problemFor(e, instance, requestId).withRequestId(requestId);
    }

    private ProblemResponse problemFor(Exception e, String instance, String requestId) {
        if (e instanceof ValidationException v) {
            return new ProblemResponse(Problem.of("validation", "Invalid request", 400,
                    "One or more fields are invalid.", instance).withErrors(v.errors()));
        }
        if (e instanceof UnprocessableException u) {
            return new ProblemResponse(Problem.of("unprocessable", "Unprocessable request", 422,
                    "The request refers to something that cannot be used.", instance).withErrors(u.errors()));
        }
        if (e instanceof MalformedRequestException m) {
            return new ProblemResponse(Problem.of("malformed-request", "Malformed request", 400, m.getMessage(),
                    instance));
        }
        if (e instanceof UnsupportedMediaTypeException u) {
            return new ProblemResponse(Problem.of("unsupported-media-type", "Unsupported Media Type", 415,
                    "Send the body as " + u.expected() + ".", instance));
        }
        if (e instanceof PayloadTooLargeException p) {
            return new ProblemResponse(Problem.of("payload-too-large", "Content Too Large", 413,
                    "The request body is larger than the " + p.limitBytes() + " bytes allowed here.", instance));
        }
        if (e instanceof OriginNotAllowedException) {
            return new ProblemResponse(Problem.of("origin-not-allowed", "Forbidden", 403,
                    "This origin may not call the API from a browser.", instance));
        }
        if (e instanceof NotFoundException) {
            return new ProblemResponse(notFound(instance));
        }
        if (e instanceof ConflictException c) {
            return new ProblemResponse(Problem.of(c.type(), "Conflict", 409, c.getMessage(), instance));
        }
        if (e instanceof PreconditionFailedException p) {
            Problem problem = Problem.of("precondition-failed", "Precondition Failed", 412, p.getMessage(), instance);
            return p.currentETag() == null ? new ProblemResponse(problem)
                    : new ProblemResponse(problem, Map.of("ETag", p.currentETag()));
        }
        if (e instanceof PreconditionRequiredException p) {
            return new ProblemResponse(Problem.of("precondition-required", "Precondition Required", 428,
                    p.getMessage(), instance));
        }
        if (e instanceof InvalidCredentialsException) {
            return new ProblemResponse(Problem.of("invalid-credentials", "Invalid credentials", 401,
                    "The e-mail address or password is incorrect.", instance));
        }
        if (e instanceof UnauthenticatedException || e instanceof InvalidTokenException) {
            return new ProblemResponse(Problem.of("unauthenticated", "Unauthorized", 401,
                    "A valid Bearer access token is required.", instance), Map.of("WWW-Authenticate", "Bearer"));
        }
        if (e instanceof TooManyRequestsException t) {
            long seconds = Math.max(1, t.retryAfter().toSeconds());
            return new ProblemResponse(Problem.of("too-many-requests", "Too Many Requests", 429,
                    "Too many attempts; retry after " + seconds + " s.", instance),
                    Map.of("Retry-After", Long.toString(seconds)));
        }
        if (e instanceof JedisConnectionException || isRedisPoolExhausted(e)) {
            // Sessions and limits live in Redis; without it we neither accept nor refuse a token, we ask to retry.
            LOG.warn("503 for {} (request {}): Redis unavailable: {}", instance, requestId, e.toString());
            return unavailable(instance, REDIS_RETRY_AFTER);
        }
        if (e instanceof ServiceUnavailableException s) {
            LOG.warn("503 for {} (request {}): {}", instance, requestId, s.getMessage());
            return unavailable(instance, s.retryAfter());
        }
        if (e instanceof HasherBusyException) {
            LOG.warn("503 for {} (request {}): {}", instance, requestId, e.getMessage());
            return unavailable(instance, HASHER_RETRY_AFTER);
        }
        if (isDatabaseUnavailable(e)) {
            LOG.warn("503 for {} (request {}): database unavailable: {}", instance, requestId, e.toString());
            return unavailable(instance, DATABASE_RETRY_AFTER);
        }
        if (e instanceof HttpResponseException h) {
            return fromJavalin(h, instance);
        }
        LOG.error("unexpected failure on {} (request {})", instance, requestId, e);
        return new ProblemResponse(Problem.of("internal", "Internal Server Error", 500,
                "Something went wrong on our side. Quote request id " + requestId + " when reporting it.", instance));
    }

    private static ProblemResponse fromJavalin(HttpResponseException h, String instance) {
        int status = h.getStatus();
        return switch (status) {
            case 413 -> new ProblemResponse(Problem.of("payload-too-large", "Content Too Large", 413,
                    "The request body is larger than allowed.", instance));
            case 404 -> new ProblemResponse(notFound(instance));
            case 405 -> new ProblemResponse(Problem.of("method-not-allowed", "Method Not Allowed", 405, null, instance));
            case 415 -> new ProblemResponse(Problem.of("unsupported-media-type", "Unsupported Media Type", 415,
                    "Send the body as application/json.", instance));
            default -> new ProblemResponse(Problem.of(status >= 500 ? "internal" : "bad-request",
                    status >= 500 ? "Internal Server Error" : "Bad Request", status, null, instance));
        };
    }

    private static ProblemResponse unavailable(String instance, Duration retryAfter) {
        long seconds = Math.max(1, retryAfter.toSeconds());
        return new ProblemResponse(Problem.of("service-unavailable", "Service Unavailable", 503,
                "The service cannot take this request right now; retry after " + seconds + " s.", instance),
                Map.of("Retry-After", Long.toString(seconds)));
    }

    /** Every pooled Redis connection stayed busy for the pool's whole wait: Redis is slow, not the request wrong. */
    private static boolean isRedisPoolExhausted(Exception e) {
        return e instanceof JedisException && e.getCause() instanceof NoSuchElementException;
    }

    /** Pool timeouts and lost connections (SQLState class 08) are transient; everything else is a bug. */
    private static boolean isDatabaseUnavailable(Exception e) {
        return e instanceof SQLTransientException
                || e instanceof SQLNonTransientConnectionException
                || (e instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"));
    }

    private static Problem notFound(String instance) {
        return Problem.of("not-found", "Not Found", 404, "Nothing is here.", instance);
    }

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(Problem.CONTENT_TYPE);
    }

    private static void write(Context ctx, ProblemResponse response) {
        response.headers().forEach(ctx::header);
        try {
            ctx.status(response.problem().status())
                    .contentType(Problem.CONTENT_TYPE)
                    .result(Json.MAPPER.writeValueAsString(response.problem().withRequestId(Requests.requestId(ctx))));
        } catch (JsonProcessingException e) {
            // A Problem is plain strings and numbers; failing to write it means a broken mapper, not bad input.
            throw new IllegalStateException(e);
        }
    }
}
