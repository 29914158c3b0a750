package io.ganaka.api;

import static io.ganaka.api.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.ganaka.auth.AbuseLimits;
import io.ganaka.auth.Argon2Params;
import io.ganaka.auth.Argon2PasswordHasher;
import io.ganaka.auth.RateLimit;
import io.ganaka.schemas.EventCodec;
import io.ganaka.schemas.EventPayload.UserLoggedOut;
import io.ganaka.schemas.EventType;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PushSubscribeOptions;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** Sessions, passwords and abuse limits over real HTTP against real Postgres, Redis and NATS JetStream. */
class AuthSessionsIT {

    private static final String PASSWORD = RunningApi.PASSWORD;
    private static final AtomicInteger USERS = new AtomicInteger();

    private static RunningApi running;
    private static ApiClient api;
    private static ListAppender<ILoggingEvent> securityEvents;

    @BeforeAll
    static void start() throws Exception {
        running = new RunningApi(ApiOptions.sharedEnvironment().poolSize(8)
                .hasher(2, Duration.ofSeconds(5)).publisherBuffer(256));
        api = running.client;
        securityEvents = new ListAppender<>();
        securityEvents.start();
        Logger security = (Logger) LoggerFactory.getLogger("security");
        security.setLevel(Level.INFO);
        security.addAppender(securityEvents);
    }

    @AfterAll
    static void stop() throws Exception {
        ((Logger) LoggerFactory.getLogger("security")).detachAppender(securityEvents);
        if (running != null) {
            running.close();
        }
    }

    /** Every request here comes from 127.0.0.1: forget the counters so that no test throttles the next one. */
    @AfterEach
    void forgetRateLimits() {
        for (String key : keys(running.env.redisKeyPrefix() + "limit:*")) {
            running.redis.del(key);
        }
    }

    // ---- refresh tokens ------------------------------------------------------------------------------------------

    @Test
    void refreshRotatesThePairAndTheNewAccessTokenWorks() throws Exception {
        JsonNode first = signIn(newUser());

        HttpResponse<String> response = refresh(first.get("refreshToken").asText());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode second = ApiClient.json(response);
        assertThat(second.get("refreshToken").asText()).isNotEqualTo(first.get("refreshToken").asText());
        assertThat(second.get("tokenType").asText()).isEqualTo("Bearer");
        assertThat(api.get("/auth/me", second.get("accessToken").asText()).statusCode()).isEqualTo(200);
    }

    @Test
    void reusingARotatedRefreshTokenRevokesTheFamilyAndLogsASecurityEvent() throws Exception {
        JsonNode first = signIn(newUser());
        String userId = me(first.get("accessToken").asText()).get("id").asText();
        String rotated = first.get("refreshToken").asText();
        JsonNode second = ApiClient.json(refresh(rotated));
        securityEvents.list.clear();

        HttpResponse<String> reuse = refresh(rotated);

        assertProblem(reuse, 401);
        assertProblem(refresh(second.get("refreshToken").asText()), 401);
        // The family's session is gone, so its access tokens stop at once too.
        assertProblem(api.get("/auth/me", second.get("accessToken").asText()), 401);
        assertThat(securityEvents.list).anySatisfy(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("event=refresh.reuse");
        });
        assertThat(securityEvents.list).allSatisfy(event -> assertThat(event.getFormattedMessage())
                .doesNotContain(rotated).doesNotContain(second.get("refreshToken").asText())
                .doesNotContain(second.get("accessToken").asText()));
        assertThat(loggedOutScopes(userId)).contains("token-reuse");
    }

    @Test
    void ofTwoConcurrentRefreshesWithOneTokenExactlyOneWins() throws Exception {
        for (int round = 0; round < 5; round++) {
            String token = signIn(newUser()).get("refreshToken").asText();
            HttpRequest request = api.request("/auth/refresh", null).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"refreshToken\":\"" + token + "\"}")).build();
            HttpClient client = HttpClient.newHttpClient();

            CompletableFuture<HttpResponse<String>> first = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
            CompletableFuture<HttpResponse<String>> second = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
            List<Integer> statuses = List.of(first.get().statusCode(), second.get().statusCode());

            assertThat(statuses).containsExactlyInAnyOrder(200, 401);
        }
    }

    @Test
    void aRefreshTokenIsNeverAnAccessTokenNorTheOtherWayRound() throws Exception {
        JsonNode pair = signIn(newUser());

        assertProblem(api.get("/auth/me", pair.get("refreshToken").asText()), 401);
        assertProblem(refresh(pair.get("accessToken").asText()), 401);
        assertThat(refresh(pair.get("refreshToken").asText()).statusCode()).isEqualTo(200);
    }

    @Test
    void refreshFailsClosedWith401WhenRedisLostItsData() throws Exception {
        JsonNode pair = signIn(newUser());
        for (String key : keys(running.env.redisKeyPrefix() + "*")) {
            running.redis.del(key);
        }

        HttpResponse<String> response = refresh(pair.get("refreshToken").asText());

        assertProblem(response, 401);
    }

    @Test
    void malformedRefreshRequestsAre400Not500() throws Exception {
        assertThat(api.postJson("/auth/refresh", "{}", null).statusCode()).isEqualTo(400);
        assertThat(api.postJson("/auth/refresh", "{\"refreshToken\":42}", null).statusCode()).isEqualTo(400);
        assertThat(api.postJson("/auth/refresh", "not json", null).statusCode()).isEqualTo(400);
    }

    // ---- logout --------------------------------------------------------------------------------------------------

    @Test
    void logoutStopsTheSameAccessTokenAtOnceAndEndsItsRefreshFamily() throws Exception {
        String email = newUser();
        JsonNode session = signIn(email);
        JsonNode other = signIn(email);
        String access = session.get("accessToken").asText();
        String userId = me(access).get("id").asText();

        HttpResponse<String> logout = api.send(api.request("/auth/logout", access)
                .POST(HttpRequest.BodyPublishers.noBody()).build());

        assertThat(logout.statusCode()).as(logout.body()).isEqualTo(204);
        assertProblem(api.get("/auth/me", access), 401);
        assertProblem(refresh(session.get("refreshToken").asText()), 401);
        assertThat(api.get("/auth/me", other.get("accessToken").asText()).statusCode()).isEqualTo(200);
        assertThat(refresh(other.get("refreshToken").asText()).statusCode()).isEqualTo(200);
        assertThat(loggedOutScopes(userId)).contains("session");
    }

    @Test
    void logoutWithoutAnyBodyOrContentLengthWorksLikeCurlSendsIt() throws Exception {
        String access = signIn(newUser()).get("accessToken").asText();

        // What `curl -X POST` sends: no Content-Type, no Content-Length, no body.
        String statusLine;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", running.server.port())) {
            socket.getOutputStream().write(("POST /auth/logout HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + access + "\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
        }

        assertThat(statusLine).isEqualTo("HTTP/1.1 204 No Content");
        assertProblem(api.get("/auth/me", access), 401);
    }

    @Test
    void logoutAlsoEndsTheFamilyOfARefreshTokenGivenInTheBody() throws Exception {
        String email = newUser();
        JsonNode session = signIn(email);
        JsonNode second = signIn(email);

        HttpResponse<String> logout = api.postJson("/auth/logout",
                "{\"refreshToken\":\"" + second.get("refreshToken").asText() + "\"}",
                session.get("accessToken").asText());

        assertThat(logout.statusCode()).isEqualTo(204);
        assertProblem(refresh(second.get("refreshToken").asText()), 401);
        assertProblem(api.postJson("/auth/logout", "{}", null), 401);
    }

    @Test
    void logoutAllEndsEverySessionOfTheUserAndNoOneElses() throws Exception {
        String email = newUser();
        JsonNode one = signIn(email);
        JsonNode two = signIn(email);
        JsonNode stranger = signIn(newUser());
        String userId = me(one.get("accessToken").asText()).get("id").asText();

        HttpResponse<String> response = api.send(api.request("/auth/logout-all", one.get("accessToken").asText())
                .POST(HttpRequest.BodyPublishers.noBody()).build());

        assertThat(response.statusCode()).isEqualTo(204);
        for (JsonNode pair : List.of(one, two)) {
            assertProblem(api.get("/auth/me", pair.get("accessToken").asText()), 401);
            assertProblem(refresh(pair.get("refreshToken").asText()), 401);
        }
        assertThat(api.get("/auth/me", stranger.get("accessToken").asText()).statusCode()).isEqualTo(200);
        assertThat(api.get("/auth/me", signIn(email).get("accessToken").asText()).statusCode()).isEqualTo(200);
        assertThat(loggedOutScopes(userId)).contains("all");
    }

    @Test
    void forgettingAUserEndsItsSessionsAndLeavesNoRedisKeyOrValueNamingIt() throws Exception {
        String email = newUser();
        JsonNode pair = signIn(email);
        ApiClient.json(refresh(pair.get("refreshToken").asText()));
        JsonNode live = signIn(email);
        String userId = me(live.get("accessToken").asText()).get("id").asText();

        running.server.sessions().endAllSessionsAndForget(userId);

        assertProblem(api.get("/auth/me", live.get("accessToken").asText()), 401);
        assertProblem(refresh(live.get("refreshToken").asText()), 401);
        assertThat(keysOrValuesMentioning(userId)).isEmpty();
    }

    // ---- passwords -----------------------------------------------------------------------------------------------

    @Test
    void changingThePasswordEndsOtherSessionsAndGivesTheCallerAFreshPair() throws Exception {
        String email = newUser();
        JsonNode caller = signIn(email);
        JsonNode other = signIn(email);
        String newPassword = "a brand new passphrase " + UUID.randomUUID();

        HttpResponse<String> response = api.postJson("/auth/password", "{\"currentPassword\":\"" + PASSWORD
                + "\",\"newPassword\":\"" + newPassword + "\"}", caller.get("accessToken").asText());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode fresh = ApiClient.json(response);
        assertThat(api.get("/auth/me", fresh.get("accessToken").asText()).statusCode()).isEqualTo(200);
        assertThat(refresh(fresh.get("refreshToken").asText()).statusCode()).isEqualTo(200);
        assertProblem(api.get("/auth/me", other.get("accessToken").asText()), 401);
        assertProblem(refresh(other.get("refreshToken").asText()), 401);
        assertProblem(api.get("/auth/me", caller.get("accessToken").asText()), 401);
        assertThat(login(email, PASSWORD).statusCode()).isEqualTo(401);
        assertThat(login(email, newPassword).statusCode()).isEqualTo(200);
        String userId = me(fresh.get("accessToken").asText()).get("id").asText();
        assertThat(loggedOutScopes(userId)).contains("password-change");
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndRefusesACommonNewOne() throws Exception {
        String access = signIn(newUser()).get("accessToken").asText();

        HttpResponse<String> wrongCurrent = api.postJson("/auth/password",
                "{\"currentPassword\":\"not my password\",\"newPassword\":\"a perfectly fine passphrase\"}", access);
        HttpResponse<String> common = api.postJson("/auth/password",
                "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"QAZWSXEDCRFV\"}", access);
        HttpResponse<String> tooShort = api.postJson("/auth/password",
                "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"short\"}", access);

        assertProblem(wrongCurrent, 400);
        assertThat(wrongCurrent.body()).contains("currentPassword");
        assertProblem(common, 400);
        assertThat(common.body()).contains("newPassword").contains("commonly used");
        assertProblem(tooShort, 400);
        assertThat(api.get("/auth/me", access).statusCode()).isEqualTo(200);
    }

    @Test
    void registrationRefusesACommonPasswordWhateverItsCaseWithAClearMessage() throws Exception {
        HttpResponse<String> response = api.postJson("/auth/register",
                "{\"email\":\"" + nextEmail() + "\",\"password\":\"1Q2W3E4R5T6Y\"}", null);

        assertProblem(response, 400);
        assertThat(ApiClient.json(response).get("errors").get(0).get("field").asText()).isEqualTo("password");
        assertThat(response.body()).contains("commonly used");
    }

    @Test
    void acceptsPasswordsUpTo128CharactersWithoutTruncatingThem() throws Exception {
        String email = nextEmail();
        String longPassword = "p".repeat(100) + "q".repeat(27) + "r";
        String sixtyFour = "s".repeat(63) + "t";

        assertThat(api.postJson("/auth/register", registration(email, longPassword), null).statusCode())
                .isEqualTo(202);
        assertThat(api.postJson("/auth/register", registration(nextEmail(), sixtyFour), null).statusCode())
                .isEqualTo(202);
        assertThat(api.postJson("/auth/register", registration(nextEmail(), longPassword + "x"), null)
                .statusCode()).isEqualTo(400);

        assertThat(login(email, longPassword).statusCode()).isEqualTo(200);
        assertThat(login(email, longPassword.substring(0, 127) + "s").statusCode()).isEqualTo(401);
    }

    @Test
    void aHashMadeWithWeakerParametersIsReplacedAtTheNextLogin() throws Exception {
        String email = newUser();
        String userId = me(signIn(email).get("accessToken").asText()).get("id").asText();
        String weak = new Argon2PasswordHasher(new Argon2Params(8_192, 1, 1), new Semaphore(1), Duration.ofSeconds(5))
                .hash(PASSWORD.toCharArray());
        setPasswordHash(userId, weak);

        assertThat(login(email, PASSWORD).statusCode()).isEqualTo(200);

        assertThat(passwordHash(userId)).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(login(email, PASSWORD).statusCode()).isEqualTo(200);
    }

    // ---- abuse limits --------------------------------------------------------------------------------------------

    @Test
    void fiveFailuresLockTheAccountFor15MinutesWith429AndRetryAfterKnownOrNot() throws Exception {
        String known = newUser();
        String unknown = "nobody-" + nextEmail();
        long before = running.server.abuseMetrics().refusals("login-account");
        for (int i = 0; i < 5; i++) {
            assertThat(login(known, "wrong password " + i).statusCode()).isEqualTo(401);
            assertThat(login(unknown, "wrong password " + i).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> knownLocked = login(known, PASSWORD);
        HttpResponse<String> unknownLocked = login(unknown, PASSWORD);

        assertProblem(knownLocked, 429);
        assertThat(Long.parseLong(knownLocked.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 15 * 60L);
        assertThat(unknownLocked.statusCode()).isEqualTo(429);
        // The same answer but for the seconds left, which tick on between the two requests.
        assertThat(comparableLockout(unknownLocked)).isEqualTo(comparableLockout(knownLocked));
        assertThat(running.server.abuseMetrics().refusals("login-account")).isEqualTo(before + 2);
        assertThat(login(newUser(), PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void failuresFromOneAddressAreLimitedAcrossAccounts() throws Exception {
        RateLimit perAddress = new RateLimit("login-address-it", 3, Duration.ofMinutes(15));
        AbuseLimits tight = new AbuseLimits(AbuseLimits.DEFAULTS.loginFailuresPerAccount(), perAddress,
                TestLimits.GENEROUS.registrationsPerAddress());
        try (ApiServer strict = startServer(tight)) {
            ApiClient client = new ApiClient(strict.port());
            String email = newUser();
            for (int i = 0; i < 3; i++) {
                assertThat(client.postJson("/auth/login", credentials(nextEmail(), PASSWORD), null).statusCode())
                        .isEqualTo(401);
            }

            HttpResponse<String> refused = client.postJson("/auth/login", credentials(email, PASSWORD), null);

            assertProblem(refused, 429);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(strict.abuseMetrics().refusals("login-address-it")).isEqualTo(1);
        }
    }

    @Test
    void registrationsFromOneAddressAreLimited() throws Exception {
        RateLimit perAddress = new RateLimit("register-address-it", 2, Duration.ofHours(1));
        AbuseLimits tight = new AbuseLimits(AbuseLimits.DEFAULTS.loginFailuresPerAccount(),
                TestLimits.GENEROUS.loginFailuresPerAddress(), perAddress);
        try (ApiServer strict = startServer(tight)) {
            ApiClient client = new ApiClient(strict.port());
            assertThat(client.postJson("/auth/register", registration(nextEmail(), PASSWORD), null).statusCode())
                    .isEqualTo(202);
            assertThat(client.postJson("/auth/register", registration(nextEmail(), PASSWORD), null).statusCode())
                    .isEqualTo(202);

            HttpResponse<String> refused = client.postJson("/auth/register", registration(nextEmail(), PASSWORD), null);

            assertProblem(refused, 429);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(strict.abuseMetrics().refusals("register-address-it")).isEqualTo(1);
        }
    }

    @Test
    void aBurstOf500ConcurrentLoginsGetsOnly200401429Or503() throws Exception {
        String rightPassword = newUser();
        String wrongPassword = newUser();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String body = i % 2 == 0 ? credentials(rightPassword, PASSWORD) : credentials(wrongPassword, "wrong " + i);
            responses.add(client.sendAsync(api.request("/auth/login", null).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }

        List<HttpResponse<String>> answered = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> response : responses) {
            answered.add(response.get());
        }

        assertThat(answered).extracting(HttpResponse::statusCode).allMatch(s -> Set.of(200, 401, 429, 503).contains(s));
        assertThat(answered).extracting(HttpResponse::statusCode).contains(200).containsAnyOf(429, 503);
        assertThat(answered).filteredOn(r -> r.statusCode() == 429 || r.statusCode() == 503)
                .allSatisfy(r -> assertThat(r.headers().firstValue("Retry-After")).isPresent());
        assertThat(api.get("/health", null).statusCode()).isEqualTo(200);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static ApiServer startServer(AbuseLimits limits) {
        return running.startServer(limits);
    }

    private static String nextEmail() {
        return "session" + USERS.incrementAndGet() + "." + running.env.prefix() + "@example.org";
    }

    /** Registers a fresh account with {@link #PASSWORD} and returns its e-mail address. */
    private static String newUser() throws Exception {
        String email = nextEmail();
        HttpResponse<String> response = api.postJson("/auth/register", registration(email, PASSWORD), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return email;
    }

    private static JsonNode signIn(String email) throws Exception {
        HttpResponse<String> response = login(email, PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ApiClient.json(response);
    }

    private static HttpResponse<String> login(String email, String password) throws Exception {
        return api.postJson("/auth/login", credentials(email, password), null);
    }

    private static HttpResponse<String> refresh(String refreshToken) throws Exception {
        return api.postJson("/auth/refresh", "{\"refreshToken\":\"" + refreshToken + "\"}", null);
    }

    private static JsonNode me(String accessToken) throws Exception {
        HttpResponse<String> response = api.get("/auth/me", accessToken);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ApiClient.json(response);
    }

    private static String registration(String email, String password) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
    }

    private static String credentials(String email, String password) {
        return registration(email, password);
    }

    private static void setPasswordHash(String userId, String hash) throws Exception {
        try (java.sql.Connection c = running.db.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE user_passwords SET password_hash = ? WHERE user_id = ?")) {
            s.setString(1, hash);
            s.setObject(2, UUID.fromString(userId));
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private static String passwordHash(String userId) throws Exception {
        try (java.sql.Connection c = running.db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT password_hash FROM user_passwords WHERE user_id = ?")) {
            s.setObject(1, UUID.fromString(userId));
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    /** The scopes of the user's user.logged_out events in the stream, waiting up to 10 s for them to arrive. */
    private static List<String> loggedOutScopes(String userId) throws Exception {
        JetStreamSubscription sub = running.nats.jetStream().subscribe(
                running.naming.eventSubject(EventType.USER_LOGGED_OUT),
                PushSubscribeOptions.builder().stream(running.naming.streamName()).ordered(true).build());
        List<String> scopes = new ArrayList<>();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline && scopes.isEmpty()) {
                for (Message m = sub.nextMessage(Duration.ofMillis(300)); m != null;
                     m = sub.nextMessage(Duration.ofMillis(300))) {
                    if (userId.equals(m.getHeaders().getFirst("Ganaka-User-Id"))) {
                        scopes.add(((UserLoggedOut) EventCodec.decode(m.getData()).data()).scope());
                    }
                }
            }
        } finally {
            sub.unsubscribe();
        }
        return scopes;
    }

    private static List<String> keys(String pattern) {
        List<String> keys = new ArrayList<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = running.redis.scan(cursor, new ScanParams().match(pattern).count(500));
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return keys;
    }

    private static List<String> keysOrValuesMentioning(String text) {
        List<String> found = new ArrayList<>();
        for (String key : keys(running.env.redisKeyPrefix() + "*")) {
            String type = running.redis.type(key);
            String value = switch (type) {
                case "string" -> running.redis.get(key);
                case "hash" -> running.redis.hgetAll(key).toString();
                case "set" -> running.redis.smembers(key).toString();
                default -> type;
            };
            if (key.contains(text) || (value != null && value.contains(text))) {
                found.add(key);
            }
        }
        return found;
    }

    /** A lockout problem without what differs per request: the seconds left, which tick on, and the request id. */
    private static String comparableLockout(HttpResponse<String> response) {
        return response.body().replaceAll("\\d+ s\\.", "N s.").replaceAll("\"requestId\":\"[^\"]*\"", "");
    }
}
