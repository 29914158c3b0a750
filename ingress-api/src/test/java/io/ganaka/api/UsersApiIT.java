package io.ganaka.api;

import static io.ganaka.api.Problems.withoutInstance;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ganaka.api.RunningApi.User;
import io.ganaka.auth.RedisSessionStore;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventCodec;
import io.ganaka.schemas.EventPayload.UserDeleted;
import io.ganaka.schemas.EventPayload.UserUpdated;
import io.ganaka.schemas.EventType;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PushSubscribeOptions;
import java.net.http.HttpResponse;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /users/{id}} over real HTTP against real Postgres, Redis and NATS JetStream: self, others, admins. */
class UsersApiIT {

    private static final String PROFILE = """
            {"displayName":"Ada","timezone":"Europe/Berlin","preferences":{"defaultCurrency":"EUR",
             "highValueThreshold":"500","monthlyBudgets":[{"categoryId":"0190a000-0000-7000-8000-0000000000c1",
             "currency":"EUR","amount":"300"}],"notifications":{"sms":{"enabled":true,"phone":"+4915112345678"}},
             "quietHours":{"start":"22:00","end":"07:00"}}}""";

    @AutoClose
    private static RunningApi running;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        running = new RunningApi(ApiOptions.sharedEnvironment().namingSuffix("-users")
                .hasher(4, Duration.ofSeconds(10)));
        api = running.client;
    }

    @Test
    void aUserReadsTheirOwnProfileWithEveryDefault() throws Exception {
        User ada = signedInUser();

        HttpResponse<String> response = api.get("/users/" + ada.id(), ada.token());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode profile = ApiClient.json(response);
        assertThat(profile.get("id").asText()).isEqualTo(ada.id());
        assertThat(profile.get("email").asText()).isEqualTo(ada.email());
        assertThat(profile.get("timezone").asText()).isEqualTo("UTC");
        assertThat(profile.get("role").asText()).isEqualTo("user");
        JsonNode preferences = profile.get("preferences");
        assertThat(preferences.get("monthlyBudgets").size()).isZero();
        assertThat(preferences.at("/notifications/email").asBoolean()).isTrue();
        assertThat(preferences.at("/notifications/inApp").asBoolean()).isTrue();
        assertThat(preferences.at("/notifications/sms/enabled").asBoolean()).isFalse();
        assertThat(preferences.get("quietHours").isNull()).isTrue();
        assertThat(response.body()).doesNotContain("password");
    }

    @Test
    void putReplacesTheProfilePublishesUserUpdatedAndReadsBack() throws Exception {
        User ada = signedInUser();

        HttpResponse<String> put = put("/users/" + ada.id(), PROFILE, ada.token());

        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        JsonNode saved = ApiClient.json(api.get("/users/" + ada.id(), ada.token()));
        assertThat(saved).isEqualTo(ApiClient.json(put));
        assertThat(saved.get("displayName").asText()).isEqualTo("Ada");
        assertThat(saved.get("timezone").asText()).isEqualTo("Europe/Berlin");
        assertThat(saved.at("/preferences/highValueThreshold").asText()).isEqualTo("500.00");
        assertThat(saved.at("/preferences/monthlyBudgets/0/amount").asText()).isEqualTo("300.00");
        assertThat(saved.at("/preferences/notifications/sms/phone").asText()).isEqualTo("+4915112345678");
        assertThat(saved.at("/preferences/notifications/email").asBoolean()).isTrue();

        Event event = storedEvent(EventType.USER_UPDATED, ada.id());
        UserUpdated updated = (UserUpdated) event.data();
        assertThat(updated.displayName()).isEqualTo("Ada");
        assertThat(updated.timezone()).isEqualTo("Europe/Berlin");
        assertThat(updated.preferences()).isEqualTo(saved.get("preferences"));

        // Replace, not merge: what the next PUT leaves out is back to its default.
        assertThat(put("/users/" + ada.id(), "{\"displayName\":\"Ada L.\"}", ada.token()).statusCode())
                .isEqualTo(200);
        JsonNode replaced = ApiClient.json(api.get("/users/" + ada.id(), ada.token()));
        assertThat(replaced.get("timezone").asText()).isEqualTo("UTC");
        assertThat(replaced.at("/preferences/defaultCurrency").isNull()).isTrue();
    }

    @Test
    void unknownKeysAnswer400NamingTheirPathAndChangeNothing() throws Exception {
        User ada = signedInUser();
        JsonNode before = ApiClient.json(api.get("/users/" + ada.id(), ada.token()));

        HttpResponse<String> response = put("/users/" + ada.id(),
                "{\"preferences\":{\"notifications\":{\"sms\":{\"enabled\":false,\"x\":1}},\"colour\":\"red\"}}",
                ada.token());
        // Server-owned fields are refused before the profile is read (JsonBodies), naming the field too.
        HttpResponse<String> role = put("/users/" + ada.id(), "{\"role\":\"admin\"}", ada.token());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        assertThat(ApiClient.json(response).get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("preferences.notifications.sms.x", "preferences.colour");
        assertThat(role.statusCode()).as(role.body()).isEqualTo(400);
        assertThat(ApiClient.json(role).get("errors").findValuesAsText("field")).containsExactly("role");
        assertThat(ApiClient.json(api.get("/users/" + ada.id(), ada.token()))).isEqualTo(before);
        assertThat(put("/users/" + ada.id(), "[1]", ada.token()).statusCode()).isEqualTo(400);
        assertThat(put("/users/" + ada.id(), "{\"displayName\":", ada.token()).statusCode()).isEqualTo(400);
    }

    @Test
    void anotherUsersIdIsNotFoundForEveryMethodAndNothingChanges() throws Exception {
        User owner = signedInUser();
        User stranger = signedInUser();
        JsonNode before = ApiClient.json(api.get("/users/" + owner.id(), owner.token()));
        JsonNode nobody = withoutInstance(api.get("/users/" + UUID.randomUUID(), stranger.token()));

        for (HttpResponse<String> response : List.of(
                api.get("/users/" + owner.id(), stranger.token()),
                put("/users/" + owner.id(), PROFILE, stranger.token()),
                delete("/users/" + owner.id(), stranger.token()),
                api.get("/users/" + UUID.randomUUID(), stranger.token()),
                api.get("/users/not-a-uuid", stranger.token()))) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
            // The same answer as for an id nobody has: only the echoed path differs.
            assertThat(withoutInstance(response)).isEqualTo(nobody);
            assertThat(response.body()).doesNotContain(owner.email());
        }
        assertThat(ApiClient.json(api.get("/users/" + owner.id(), owner.token()))).isEqualTo(before);
        assertThat(userRows(owner.id())).isEqualTo(1);
    }

    @Test
    void withoutATokenEveryMethodAnswers401() throws Exception {
        User ada = signedInUser();

        assertThat(api.get("/users/" + ada.id(), null).statusCode()).isEqualTo(401);
        assertThat(put("/users/" + ada.id(), PROFILE, null).statusCode()).isEqualTo(401);
        assertThat(delete("/users/" + ada.id(), null).statusCode()).isEqualTo(401);
        assertThat(userRows(ada.id())).isEqualTo(1);
    }

    @Test
    void anAdminReadsAnyUserButMayNotReplaceTheirProfile() throws Exception {
        User admin = signedInAdmin();
        User ada = signedInUser();

        HttpResponse<String> read = api.get("/users/" + ada.id(), admin.token());
        HttpResponse<String> replace = put("/users/" + ada.id(), PROFILE, admin.token());

        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(ApiClient.json(read).get("email").asText()).isEqualTo(ada.email());
        assertThat(replace.statusCode()).isEqualTo(404);
        assertThat(ApiClient.json(api.get("/users/" + ada.id(), ada.token())).get("displayName").isNull())
                .isTrue();
        assertThat(api.get("/users/" + UUID.randomUUID(), admin.token()).statusCode()).isEqualTo(404);
    }

    @Test
    void deletingTheAccountRemovesItsRowsAndSessionsAndPublishesUserDeleted() throws Exception {
        User ada = signedInUser();
        insertCategory(ada.id());
        RedisSessionStore sessions = new RedisSessionStore(running.redis, running.naming.redisPrefix(),
                Duration.ofMinutes(15));
        String refreshKey = sessions.keyFor(ada.refreshToken());
        assertThat(running.redis.exists(refreshKey)).isTrue();
        User bob = signedInUser();
        String bobsKey = sessions.keyFor(bob.refreshToken());

        HttpResponse<String> response = delete("/users/" + ada.id(), ada.token());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        assertThat(userRows(ada.id())).isZero();
        assertThat(count("SELECT count(*) FROM user_passwords WHERE user_id = ?::uuid", ada.id())).isZero();
        assertThat(count("SELECT count(*) FROM categories WHERE user_id = ?::uuid", ada.id())).isZero();
        assertThat(running.redis.exists(refreshKey)).isFalse();
        assertThat(running.redis.exists(bobsKey)).as("another user's session is left alone").isTrue();
        assertThat(((UserDeleted) storedEvent(EventType.USER_DELETED, ada.id()).data()).initiatedBy())
                .isEqualTo("self");
        assertThat(api.postJson("/auth/login", credentials(ada.email()), null).statusCode()).isEqualTo(401);
        // The deleted user's unexpired access token is refused outright.
        assertThat(api.get("/users/" + ada.id(), ada.token()).statusCode()).isEqualTo(401);
        assertThat(delete("/users/" + ada.id(), ada.token()).statusCode()).isEqualTo(401);
    }

    @Test
    void anAdminMayDeleteAnotherAccount() throws Exception {
        User admin = signedInAdmin();
        User ada = signedInUser();

        assertThat(delete("/users/" + ada.id(), admin.token()).statusCode()).isEqualTo(204);

        assertThat(userRows(ada.id())).isZero();
        assertThat(((UserDeleted) storedEvent(EventType.USER_DELETED, ada.id()).data()).initiatedBy())
                .isEqualTo("admin");
        assertThat(userRows(admin.id())).isEqualTo(1);
    }

    @Test
    void whenTheEventCannotBeStoredChangesAnswer503AndNothingIsChanged() throws Exception {
        User ada = signedInUser();
        try (ApiServer api2 = running.startStreamlessServer("-users-nostream", TestLimits.GENEROUS)) {
            ApiClient client = new ApiClient(api2.port());
            HttpResponse<String> replace = client.putJson("/users/" + ada.id(), PROFILE, ada.token());
            HttpResponse<String> delete = client.delete("/users/" + ada.id(), ada.token());

            assertThat(replace.statusCode()).as(replace.body()).isEqualTo(503);
            assertThat(delete.statusCode()).as(delete.body()).isEqualTo(503);
            assertThat(delete.headers().firstValue("Retry-After")).isPresent();
        }
        assertThat(userRows(ada.id())).isEqualTo(1);
        // Read from the table: the failed delete has still ended the account's sessions (it does so before the
        // event is stored), so ada's token no longer works.
        assertThat(count("SELECT count(*) FROM users WHERE id = ?::uuid AND display_name IS NULL", ada.id()))
                .as("profile unchanged").isEqualTo(1);
        assertThat(api.get("/auth/me", ada.token()).statusCode()).as("signed out").isEqualTo(401);
        // Nothing locks the account out: ada signs in again and her new session works.
        User again = running.logIn(ada.email());
        assertThat(api.get("/users/" + ada.id(), again.token()).statusCode()).isEqualTo(200);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static HttpResponse<String> put(String path, String json, String token) throws Exception {
        return api.putJson(path, json, token);
    }

    private static HttpResponse<String> delete(String path, String token) throws Exception {
        return api.delete(path, token);
    }

    private static String credentials(String email) {
        return RunningApi.credentials(email, RunningApi.PASSWORD);
    }

    private static User signedInUser() throws Exception {
        return running.signedInUser();
    }

    /** A user made admin in the database, then signed in again so that the token carries the role. */
    private static User signedInAdmin() throws Exception {
        User user = signedInUser();
        try (java.sql.Connection c = running.db.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE users SET role = 'admin' WHERE id = ?::uuid")) {
            s.setString(1, user.id());
            s.executeUpdate();
        }
        return running.logIn(user.email());
    }

    private static void insertCategory(String userId) throws Exception {
        try (java.sql.Connection c = running.db.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "INSERT INTO categories (user_id, id, name) VALUES (?::uuid, ?, 'Coffee')")) {
            s.setString(1, userId);
            s.setObject(2, UUID.randomUUID());
            s.executeUpdate();
        }
    }

    private static int userRows(String userId) throws Exception {
        return count("SELECT count(*) FROM users WHERE id = ?::uuid", userId);
    }

    private static int count(String sql, String userId) throws Exception {
        return running.count(sql, userId);
    }

    /** The first event of a type for a user that the stream holds, read within ten seconds. */
    private static Event storedEvent(EventType type, String userId) throws Exception {
        JetStreamSubscription sub = running.nats.jetStream().subscribe(running.naming.eventSubject(type),
                PushSubscribeOptions.builder().stream(running.naming.streamName()).ordered(true).build());
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                Message message = sub.nextMessage(Duration.ofMillis(500));
                if (message != null && userId.equals(message.getHeaders().getFirst("Ganaka-User-Id"))) {
                    return EventCodec.decode(message.getData());
                }
            }
            throw new AssertionError("no " + type.wireName() + " event for user " + userId);
        } finally {
            sub.unsubscribe();
        }
    }
}
