package io.ganaka.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ganaka.api.errors.ConflictException;
import io.ganaka.api.errors.FieldError;
import io.ganaka.api.errors.InvalidCredentialsException;
import io.ganaka.api.errors.MalformedRequestException;
import io.ganaka.api.errors.NotFoundException;
import io.ganaka.api.errors.PayloadTooLargeException;
import io.ganaka.api.errors.PreconditionFailedException;
import io.ganaka.api.errors.PreconditionRequiredException;
import io.ganaka.api.errors.UnauthenticatedException;
import io.ganaka.api.errors.UnprocessableException;
import io.ganaka.api.errors.UnsupportedMediaTypeException;
import io.ganaka.api.errors.ValidationException;
import io.ganaka.api.events.PublishUnavailableException;
import io.ganaka.auth.HasherBusyException;
import io.ganaka.auth.InvalidTokenException;
import io.ganaka.schemas.Json;
import io.javalin.http.ContentTooLargeResponse;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorMapperTest {

    private final ErrorMapper mapper = new ErrorMapper();

    private Problem map(Exception e) {
        return mapper.toProblem(e, "/expenses", "req-1").problem();
    }

    @Test
    void turnsAValidationFailureIntoA400ListingTheFields() throws Exception {
        ProblemResponse response = mapper.toProblem(new ValidationException(List.of(
                new FieldError("amount", "must be greater than 0"), new FieldError("currency", "is required"))),
                "/expenses", "req-1");

        JsonNode json = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(response.problem()));
        assertThat(json.get("type").asText()).isEqualTo("https://ganaka.dev/problems/validation");
        assertThat(json.get("title").asText()).isEqualTo("Invalid request");
        assertThat(json.get("status").asInt()).isEqualTo(400);
        assertThat(json.get("detail").asText()).isNotBlank();
        assertThat(json.get("instance").asText()).isEqualTo("/expenses");
        assertThat(json.get("errors").get(0).get("field").asText()).isEqualTo("amount");
        assertThat(json.get("errors").get(0).get("message").asText()).isEqualTo("must be greater than 0");
        assertThat(json.get("errors").get(1).get("field").asText()).isEqualTo("currency");
    }

    @Test
    void leavesOutTheErrorsMemberWhenThereAreNoFieldErrors() throws Exception {
        JsonNode json = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(map(new NotFoundException("x"))));

        assertThat(json.has("errors")).isFalse();
        assertThat(json.get("status").asInt()).isEqualTo(404);
        assertThat(json.get("type").asText()).isEqualTo("https://ganaka.dev/problems/not-found");
    }

    @Test
    void mapsConflictsAndPreconditionsToTheirStatusesAndSendsTheCurrentETagBack() {
        assertThat(map(new ConflictException("category-name-taken", "You already have a category named Coffee.")))
                .extracting(Problem::status, Problem::type, Problem::detail)
                .containsExactly(409, "https://ganaka.dev/problems/category-name-taken",
                        "You already have a category named Coffee.");
        ProblemResponse stale = mapper.toProblem(new PreconditionFailedException("version 3 is current", "\"3\""),
                "/expenses/x", "req-1");
        assertThat(stale.problem().status()).isEqualTo(412);
        assertThat(stale.headers()).containsEntry("ETag", "\"3\"");
        assertThat(map(new PreconditionRequiredException("send If-Match")))
                .extracting(Problem::status, Problem::type)
                .containsExactly(428, "https://ganaka.dev/problems/precondition-required");
    }

    @Test
    void mapsEachDomainFailureToItsStatusAndType() {
        assertThat(map(new UnprocessableException("categoryId", "is not yours")))
                .extracting(Problem::status, Problem::type)
                .containsExactly(422, "https://ganaka.dev/problems/unprocessable");
        assertThat(map(new MalformedRequestException("bad json")).status()).isEqualTo(400);
        assertThat(map(new UnsupportedMediaTypeException("text/plain")).status()).isEqualTo(415);
        assertThat(map(new InvalidCredentialsException()).type())
                .isEqualTo("https://ganaka.dev/problems/invalid-credentials");
        assertThat(map(new ContentTooLargeResponse()).status()).isEqualTo(413);
    }

    @Test
    void namesTheRouteSpecificBodyLimitAndMediaTypesOfUploads() {
        Problem tooLarge = map(new PayloadTooLargeException(1024));
        Problem unsupported = map(new UnsupportedMediaTypeException("application/json", "text/csv"));

        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.type()).endsWith("/payload-too-large");
        assertThat(tooLarge.detail()).contains("1024 bytes");
        assertThat(unsupported.status()).isEqualTo(415);
        assertThat(unsupported.detail()).isEqualTo("Send the body as text/csv.");
        assertThat(map(new UnsupportedMediaTypeException("text/plain")).detail())
                .isEqualTo("Send the body as application/json.");
    }

    @Test
    void answersMissingAndInvalidTokensAlikeWithABearerChallenge() {
        ProblemResponse missing = mapper.toProblem(new UnauthenticatedException("none"), "/auth/me", "r");
        ProblemResponse invalid = mapper.toProblem(new InvalidTokenException("expired"), "/auth/me", "r");

        assertThat(missing).isEqualTo(invalid);
        assertThat(missing.problem().status()).isEqualTo(401);
        assertThat(missing.headers()).containsEntry("WWW-Authenticate", "Bearer");
    }

    @Test
    void answersUnavailableDependenciesWith503AndRetryAfter() {
        ProblemResponse publish = mapper.toProblem(new PublishUnavailableException("NATS down"), "/expenses", "r");
        ProblemResponse hasher = mapper.toProblem(new HasherBusyException("busy"), "/auth/login", "r");
        ProblemResponse database = mapper.toProblem(new SQLTransientConnectionException("pool"), "/expenses/x", "r");

        assertThat(List.of(publish, hasher, database)).allSatisfy(response -> {
            assertThat(response.problem().status()).isEqualTo(503);
            assertThat(response.headers()).containsKey("Retry-After");
        });
        assertThat(publish.problem().detail()).doesNotContain("NATS");
    }

    @Test
    void hidesTheDetailsOfAnUnexpectedFailure() {
        Problem problem = map(new IllegalStateException("secret internals at line 42"));

        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.type()).isEqualTo("https://ganaka.dev/problems/internal");
        assertThat(problem.detail()).doesNotContain("secret").contains("req-1");
        assertThat(problem.errors()).isNull();
    }

    @Test
    void everyProblemCarriesTheRequestId() {
        List<Exception> failures = List.of(new ValidationException("amount", "is required"),
                new NotFoundException("no expense"), new InvalidTokenException("bad"), new OriginNotAllowedException(),
                new PublishUnavailableException("down"), new IllegalStateException("boom"));

        assertThat(failures).allSatisfy(e ->
                assertThat(mapper.toProblem(e, "/expenses", "req-77").problem().requestId()).isEqualTo("req-77"));
    }

    @Test
    void neverRevealsExceptionNamesSqlStatesOrMessages() throws Exception {
        String token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
        List<Exception> failures = List.of(
                new java.sql.SQLException("duplicate key " + token, "23505"),
                new java.sql.SQLException("connection refused " + token, "08001"),
                new InvalidTokenException("JWT " + token + " expired"),
                new UnauthenticatedException("token " + token),
                new NotFoundException("no expense for user " + token),
                new UnsupportedMediaTypeException(token),
                new NullPointerException(token));

        for (Exception e : failures) {
            String json = Json.MAPPER.writeValueAsString(mapper.toProblem(e, "/expenses", "r").problem());
            assertThat(json).as(e.getClass().getSimpleName())
                    .doesNotContain(token).doesNotContain("23505").doesNotContain("08001")
                    .doesNotContain("Exception").doesNotContain("java.");
        }
    }

    @Test
    void refusesPreflightsFromOtherOriginsWith403() {
        assertThat(map(new OriginNotAllowedException()))
                .extracting(Problem::status, Problem::type)
                .containsExactly(403, "https://ganaka.dev/problems/origin-not-allowed");
    }

    @Test
    void allowsTheMethodsTheTableServesOnAPath() {
        List<RouteSpec> table = List.of(new RouteSpec("GET", "/expenses/{id}", ApiRole.USER),
                new RouteSpec("PUT", "/expenses/{id}", ApiRole.USER), new RouteSpec("POST", "/expenses", ApiRole.USER),
                new RouteSpec("GET", "/health", ApiRole.PUBLIC));

        assertThat(ErrorMapper.allowedMethods(table, "/expenses/abc")).containsExactly("GET", "PUT");
        assertThat(ErrorMapper.allowedMethods(table, "/expenses")).containsExactly("POST");
        assertThat(ErrorMapper.allowedMethods(table, "/expenses/abc/more")).isEmpty();
        assertThat(ErrorMapper.allowedMethods(table, "/nothing")).isEmpty();
    }
}
