package io.ganaka.sinks.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.ganaka.schemas.webhooks.WebhookDelivery;
import io.ganaka.sinks.webhooks.WebhookSubscriptions.Key;
import io.ganaka.sql.Migrator;
import io.ganaka.testkit.TestEnvironment;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The batched subscription lookup against a real, migrated Postgres. */
class WebhookSubscriptionsIT {

    @AutoClose
    private static HikariDataSource pool;
    private static WebhookSubscriptions subscriptions;

    private final List<UUID> accounts = new ArrayList<>();

    @BeforeAll
    static void database() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(TestEnvironment.shared().jdbcUrl());
        config.setMaximumPoolSize(2);
        pool = new HikariDataSource(config);
        Migrator.migrate(pool);
        subscriptions = new WebhookSubscriptions(pool);
    }

    @AfterEach
    void removeAccounts() throws Exception {
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(
                "DELETE FROM users WHERE id = ANY (?)")) {
            s.setArray(1, c.createArrayOf("uuid", accounts.toArray()));
            s.executeUpdate();
        }
    }

    @Test
    void findsEachKeysActiveSubscribersInOneLookup() throws Exception {
        UUID ada = account();
        UUID bob = account();
        UUID ghost = UUID.randomUUID();
        UUID adaBooks = webhook(ada, "https://books.example.org/in", true, "expense.added", "alert.raised");
        webhook(ada, "https://paused.example.org/in", false, "expense.added");
        UUID adaReports = webhook(ada, "https://reports.example.org/in", true, "report.updated", "expense.added");
        UUID bobHook = webhook(bob, "https://bob.example.org/in", true, "expense.added");

        Map<Key, List<WebhookSubscriber>> found = subscriptions.activeFor(List.of(
                new Key(ada, "expense.added"), new Key(ada, "report.updated"), new Key(bob, "expense.added"),
                new Key(bob, "alert.raised"), new Key(ghost, "expense.added"), new Key(ada, "expense.added")));

        assertThat(found).containsOnlyKeys(new Key(ada, "expense.added"), new Key(ada, "report.updated"),
                new Key(bob, "expense.added"), new Key(bob, "alert.raised"), new Key(ghost, "expense.added"));
        assertThat(found.get(new Key(ada, "expense.added"))).extracting(WebhookSubscriber::webhookId)
                .containsExactly(adaBooks, adaReports);
        assertThat(found.get(new Key(ada, "report.updated"))).extracting(WebhookSubscriber::webhookId)
                .containsExactly(adaReports);
        assertThat(found.get(new Key(bob, "expense.added"))).singleElement().isEqualTo(new WebhookSubscriber(bob,
                bobHook, "https://bob.example.org/in", "whsec_" + bobHook));
        assertThat(found.get(new Key(bob, "alert.raised"))).isEmpty();
        assertThat(found.get(new Key(ghost, "expense.added"))).isEmpty();
    }

    @Test
    void anEmptyBatchNeedsNoLookup() throws Exception {
        assertThat(subscriptions.activeFor(List.of())).isEmpty();
    }

    @Test
    void aSubscriberBuildsItsDeliveryAndNeverPrintsItsSecret() {
        UUID user = UUID.randomUUID();
        UUID webhook = UUID.randomUUID();
        WebhookSubscriber subscriber = new WebhookSubscriber(user, webhook, "https://x.example.org/", "whsec_s3cret");

        WebhookDelivery delivery = subscriber.delivery("expense.added", "d-1", new byte[] {1});

        assertThat(delivery.url()).isEqualTo("https://x.example.org/");
        assertThat(delivery.secret()).isEqualTo("whsec_s3cret");
        assertThat(delivery.eventType()).isEqualTo("expense.added");
        assertThat(subscriber.toString()).contains(webhook.toString()).doesNotContain("whsec_s3cret");
    }

    private UUID account() throws Exception {
        UUID user = UUID.randomUUID();
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO users (id, email, email_normalized) VALUES (?, ?, ?)")) {
            s.setObject(1, user);
            s.setString(2, user + "@example.org");
            s.setString(3, user + "@example.org");
            s.executeUpdate();
        }
        accounts.add(user);
        return user;
    }

    private static UUID webhook(UUID user, String url, boolean active, String... types) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO webhooks"
                + " (user_id, id, url, secret, event_types, active, created_at) VALUES (?, ?, ?, ?, ?, ?,"
                + " clock_timestamp())")) {
            s.setObject(1, user);
            s.setObject(2, id);
            s.setString(3, url);
            s.setString(4, "whsec_" + id);
            s.setArray(5, c.createArrayOf("text", types));
            s.setBoolean(6, active);
            s.executeUpdate();
        }
        return id;
    }
}
