package io.ganaka.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.ganaka.testkit.FreePorts;
import io.ganaka.testkit.TestEnvironment;
import java.net.URI;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;

/**
 * Replaying every topic from offset 0 into the sinks changes nothing: after a realistic workload has settled, the
 * sinks role is stopped, all its consumer groups are deleted, and a fresh sinks role reads everything again; every
 * table it writes, every dashboard in Redis, the mail sent and the dead-letter topic are exactly as before.
 */
class SinksReplayIT {

    private static final Logger LOG = LoggerFactory.getLogger(SinksReplayIT.class);
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String SUFFIX = "-replay";

    private final TestEnvironment env = TestEnvironment.shared();
    private GreenMail mail;
    private RunningSystem upstream;
    private RunningSystem sinks;
    private Map<String, String> sinkEnv;

    @AfterEach
    void stopEverything() throws Exception {
        for (RunningSystem system : new RunningSystem[] {sinks, upstream}) {
            if (system != null) {
                system.close();
            }
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void replayingEveryTopicFromOffsetZeroLeavesTablesDashboardsAndMailUnchanged() throws Exception {
        int smtpPort = FreePorts.next();
        mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
        mail.start();
        sinkEnv = Map.of("SMTP_HOST", "127.0.0.1", "SMTP_PORT", Integer.toString(smtpPort),
                "GANAKA_NOTIFY_POLL_MS", "50", "GANAKA_NOTIFY_RETRY_BASE_MS", "100",
                "GANAKA_NOTIFY_RETRY_MAX_MS", "500");
        upstream = RunningSystem.start(env, SUFFIX, "ganaka-it-replay-",
                EnumSet.of(Role.API, Role.BRIDGE, Role.STREAMS), sinkEnv);
        sinks = RunningSystem.start(env, SUFFIX, "ganaka-it-replay-sinks-", EnumSet.of(Role.SINKS), sinkEnv);
        var naming = upstream.config().naming();

        List<UUID> users = new Workload(upstream.http()).run();

        try (RedisClient redis = RedisClient.create(URI.create(env.redisUrl()));
             SinkGroups groups = new SinkGroups(upstream.kafkaBootstrapServers(), naming)) {
            SinkState before = settled(redis, groups, users);
            int mailBefore = mail.getReceivedMessages().length;
            long deadLettersBefore = groups.deadLetters();
            assertThat(before.dashboards().values()).allSatisfy(hash -> assertThat(hash).containsKey("state"));
            assertThat(mailBefore).as("welcome and alert mail").isGreaterThanOrEqualTo(5);
            LOG.info("settled: {} rows, {} e-mails, {} dead letters", before.sizes(), mailBefore, deadLettersBefore);

            sinks.close();
            sinks = null;
            Set<String> sinkGroups = groups.groups();
            assertThat(sinkGroups).as("the groups of every sink").containsAll(groups.expectedGroups());
            groups.delete(sinkGroups);
            assertThat(groups.groups()).isEmpty();
            sinks = RunningSystem.start(env, SUFFIX, "ganaka-it-replay-sinks-", EnumSet.of(Role.SINKS), sinkEnv);
            await("the fresh sinks read every topic from offset 0").atMost(DEADLINE)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> groups.groups().containsAll(groups.expectedGroups()) && groups.behind().isEmpty());

            SinkState after = SinkState.of(env.jdbcUrl(), redis, naming, users);
            assertThat(after.tables()).isEqualTo(before.tables());
            assertThat(after.dashboards()).isEqualTo(before.dashboards());
            assertThat(pendingNotifications(users)).isZero();
            assertThat(mail.getReceivedMessages()).hasSize(mailBefore);
            assertThat(groups.deadLetters()).isEqualTo(deadLettersBefore);
        }
    }

    /**
     * Waits until every sink group has committed all its topics hold, no notification is pending, and the state no
     * longer changes between two looks a second apart; that state.
     */
    private SinkState settled(RedisClient redis, SinkGroups groups, List<UUID> users) {
        var naming = upstream.config().naming();
        await("alerts raised").atMost(DEADLINE).pollInterval(Duration.ofMillis(250))
                .until(() -> alertKinds(users), kinds -> kinds.containsAll(List.of("high-value", "budget-threshold")));
        AtomicReference<SinkState> previous = new AtomicReference<>();
        return await("everything projected and settled").atMost(DEADLINE).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    if (!groups.groups().containsAll(groups.expectedGroups()) || !groups.behind().isEmpty()
                            || pendingNotifications(users) > 0) {
                        previous.set(null);
                        return null;
                    }
                    SinkState now = SinkState.of(env.jdbcUrl(), redis, naming, users);
                    SinkState last = previous.getAndSet(now);
                    return now.equals(last) ? now : null;
                }, state -> state != null);
    }

    private List<String> alertKinds(List<UUID> users) throws Exception {
        return new UserRows(env.jdbcUrl(), users).column("SELECT kind FROM alerts WHERE user_id = ANY(?)");
    }

    private int pendingNotifications(List<UUID> users) throws Exception {
        return new UserRows(env.jdbcUrl(), users)
                .column("SELECT id FROM notifications WHERE user_id = ANY(?) AND status = 'pending'").size();
    }

    /**
     * What three people do in a few months over the API: expenses in three currencies and three months, some read
     * back at once (Prefer: wait), updates of amount, date and category, deletes, a category with a rule, a budget
     * crossed and a high-value expense.
     */
    private static final class Workload {

        private static final String[] CURRENCIES = {"EUR", "USD", "INR"};
        private final HttpJson http;
        private final YearMonth now = YearMonth.now(ZoneOffset.UTC);

        Workload(HttpJson http) {
            this.http = http;
        }

        List<UUID> run() {
            List<UUID> users = new ArrayList<>();
            String run = UUID.randomUUID().toString().substring(0, 8);
            for (String name : List.of("asha", "bilal", "chen")) {
                HttpJson.Session session = http.newSession(name + "-" + run + "@example.org");
                users.add(UUID.fromString(session.id()));
                actAs(session, name.equals("asha"));
            }
            return users;
        }

        private void actAs(HttpJson.Session user, boolean spender) {
            String token = user.token();
            if (spender) {
                var budget = http.send("PUT", "/budgets/" + now.getYear() + "/" + now.getMonthValue(), token,
                        Map.of("items", List.of(Map.of("currency", "EUR", "amount", "200.00"))), Map.of());
                assertThat(budget.status()).as(budget.raw().body()).isBetween(200, 204);
            }
            var category = http.post("/categories", token, Map.of("name", "Espresso bars", "color", "#8a5a44"));
            assertThat(category.status()).as(category.raw().body()).isEqualTo(201);
            String coffee = category.body().get("id").asText();
            var rule = http.post("/rules", token, Map.of("name", "Espresso is coffee", "priority", 0, "match", "all",
                    "conditions", List.of(Map.of("field", "description", "operator", "contains", "value", "espresso")),
                    "actions", Map.of("categoryId", coffee, "tags", List.of("caffeine")), "stopProcessing", true));
            assertThat(rule.status()).as(rule.raw().body()).isEqualTo(201);

            List<String> kept = new ArrayList<>();
            for (int i = 0; i < 18; i++) {
                YearMonth month = now.minusMonths(i % 3);
                String at = month.atDay(1 + i % 27).atTime(8 + i % 10, 15).toInstant(ZoneOffset.UTC).toString();
                String description = i % 4 == 0 ? "Espresso at the corner" : "Groceries " + i;
                Map<String, Object> body = new HashMap<>(HttpJson.expense((3 + i * 7 % 40) + "." + (10 + i),
                        CURRENCIES[i % 3], at, description));
                if (i % 3 == 0) { // read back at once; these are changed below
                    var added = http.post("/expenses", token, body, Map.of("Prefer", "wait=10"));
                    assertThat(added.status()).as(added.raw().body()).isEqualTo(201);
                    kept.add(added.body().get("id").asText());
                } else {
                    var added = http.post("/expenses", token, body);
                    assertThat(added.status()).as(added.raw().body()).isEqualTo(202);
                }
            }
            change(token, kept.get(0), Map.of("amount", "41.00", "currency", "EUR",
                    "occurredAt", now.minusMonths(1).atDay(3).atTime(9, 0).toInstant(ZoneOffset.UTC).toString(),
                    "description", "Train ticket, moved to last month"));
            change(token, kept.get(1), Map.of("amount", "5.60", "currency", "USD",
                    "occurredAt", now.atDay(2).atTime(7, 30).toInstant(ZoneOffset.UTC).toString(),
                    "description", "Tea", "categoryId", coffee));
            var deleted = http.send("DELETE", "/expenses/" + kept.get(2), token, null, Map.of("If-Match", "\"1\""));
            assertThat(deleted.status()).as(deleted.raw().body()).isEqualTo(202);
            if (spender) {
                String at = now.atDay(5).atTime(12, 0).toInstant(ZoneOffset.UTC).toString();
                var laptop = http.post("/expenses", token, HttpJson.expense("1500.00", "EUR", at, "New laptop"),
                        Map.of("Prefer", "wait=10"));
                assertThat(laptop.status()).as(laptop.raw().body()).isEqualTo(201);
            }
        }

        private void change(String token, String id, Map<String, Object> body) {
            var changed = http.send("PUT", "/expenses/" + id, token, body, Map.of("If-Match", "\"1\""));
            assertThat(changed.status()).as(changed.raw().body()).isEqualTo(202);
        }
    }
}
