package io.ganaka.api;

import static io.ganaka.api.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ganaka.api.RunningApi.User;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /notifications} over real HTTP against real Postgres. There is no dispatcher here: rows are seeded with
 * SQL as the notification intake and dispatcher write them.
 */
class NotificationsApiIT {

    @AutoClose
    private static RunningApi running;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        running = new RunningApi(ApiOptions.sharedEnvironment().namingSuffix("-notifications")
                .hasher(4, Duration.ofSeconds(10)));
        api = running.client;
    }

    private static UUID notification(User user, String channel, String status, String createdAt, String error)
            throws Exception {
        UUID id = UUID.randomUUID();
        Instant created = Instant.parse(createdAt);
        try (Connection c = running.db.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO notifications (user_id, id, kind, channel, status, source_event_id, subject, body,
                                           recipient, attempts, next_attempt_at, last_error, created_at, sent_at)
                VALUES (?, ?, 'alert.high-value', ?, ?, ?, 'Large expense: 1500.00 EUR', 'body', 'r', ?, ?, ?, ?, ?)
                """)) {
            s.setObject(1, UUID.fromString(user.id()));
            s.setObject(2, id);
            s.setString(3, channel);
            s.setString(4, status);
            s.setObject(5, UUID.randomUUID());
            s.setInt(6, status.equals("pending") ? 0 : 2);
            s.setObject(7, created.atOffset(ZoneOffset.UTC));
            s.setString(8, error);
            s.setObject(9, created.atOffset(ZoneOffset.UTC));
            s.setObject(10, status.equals("sent") ? created.plusSeconds(5).atOffset(ZoneOffset.UTC) : null);
            s.executeUpdate();
        }
        return id;
    }

    private static JsonNode ok(String path, User user) throws Exception {
        HttpResponse<String> response = api.get(path, user.token());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return ApiClient.json(response);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    @Test
    void listsTheCallersNotificationsNewestFirstAndNoOneElses() throws Exception {
        User ada = running.signedInUser();
        User bob = running.signedInUser();
        UUID older = notification(ada, "email", "sent", "2026-03-01T10:00:00Z", null);
        UUID newer = notification(ada, "in-app", "failed", "2026-03-02T10:00:00Z", "550 no such user");
        notification(bob, "email", "sent", "2026-03-03T10:00:00Z", null);

        JsonNode page = ok("/notifications", ada);

        assertThat(ids(page)).containsExactly(newer.toString(), older.toString());
        assertThat(page.get("nextCursor").isNull()).isTrue();
        JsonNode first = page.get("items").get(0);
        assertThat(first.get("kind").asText()).isEqualTo("alert.high-value");
        assertThat(first.get("channel").asText()).isEqualTo("in-app");
        assertThat(first.get("status").asText()).isEqualTo("failed");
        assertThat(first.get("subject").asText()).isEqualTo("Large expense: 1500.00 EUR");
        assertThat(first.get("createdAt").asText()).isEqualTo("2026-03-02T10:00:00Z");
        assertThat(first.get("sentAt").isNull()).isTrue();
        assertThat(first.get("attempts").asInt()).isEqualTo(2);
        assertThat(first.get("lastError").asText()).isEqualTo("550 no such user");
        assertThat(page.get("items").get(1).get("sentAt").asText()).isEqualTo("2026-03-01T10:00:05Z");
    }

    @Test
    void anotherUserSeesNoneOfThem() throws Exception {
        User ada = running.signedInUser();
        User eve = running.signedInUser();
        notification(ada, "email", "sent", "2026-03-01T10:00:00Z", null);

        assertThat(ok("/notifications", eve).get("items")).isEmpty();
        assertThat(ok("/notifications?status=sent&channel=email", eve).get("items")).isEmpty();
    }

    @Test
    void filtersByStatusAndChannel() throws Exception {
        User ada = running.signedInUser();
        UUID pendingEmail = notification(ada, "email", "pending", "2026-03-01T10:00:00Z", "connection refused");
        UUID sentEmail = notification(ada, "email", "sent", "2026-03-02T10:00:00Z", null);
        UUID sentSms = notification(ada, "sms", "sent", "2026-03-03T10:00:00Z", null);

        assertThat(ids(ok("/notifications?status=sent", ada))).containsExactly(sentSms.toString(),
                sentEmail.toString());
        assertThat(ids(ok("/notifications?channel=email", ada))).containsExactly(sentEmail.toString(),
                pendingEmail.toString());
        assertThat(ids(ok("/notifications?channel=email&status=pending", ada)))
                .containsExactly(pendingEmail.toString());
    }

    @Test
    void cursorsWalkEveryNotificationOnceEvenWhenSeveralShareTheirTime() throws Exception {
        User ada = running.signedInUser();
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            all.add(notification(ada, "email", "sent", "2026-03-01T10:00:00Z", null).toString());
        }
        List<String> walked = new ArrayList<>();
        String path = "/notifications?limit=2";
        while (path != null) {
            JsonNode page = ok(path, ada);
            walked.addAll(ids(page));
            path = page.get("nextCursor").isNull() ? null
                    : "/notifications?limit=2&cursor=" + page.get("nextCursor").asText();
        }
        assertThat(walked).hasSize(5).containsExactlyInAnyOrderElementsOf(all).doesNotHaveDuplicates();
    }

    @Test
    void everyBadParameterAnswers400NamingIt() throws Exception {
        User ada = running.signedInUser();
        Map<String, String> cases = Map.of(
                "status=lost", "status", "channel=pigeon", "channel", "limit=0", "limit", "limit=201", "limit",
                "cursor=not-a-cursor", "cursor", "sort=oldest", "sort", "status=sent&status=failed", "status");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            HttpResponse<String> response = api.get("/notifications?" + c.getKey(), ada.token());

            assertProblem(response, 400, "validation");
            assertThat(ApiClient.json(response).get("errors").findValuesAsText("field")).as(c.getKey())
                    .containsExactly(c.getValue());
        }
    }

    @Test
    void withoutATokenTheAnswerIs401() throws Exception {
        assertProblem(api.get("/notifications", null), 401);
    }
}
