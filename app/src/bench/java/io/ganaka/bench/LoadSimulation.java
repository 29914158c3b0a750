package io.ganaka.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.CoreDsl;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The load mode as a Gatling simulation: virtual users arrive at {@code --rate} per second for {@code --duration}
 * seconds whatever the answers (an open model); each takes the next bench user from a circular feeder and sends one
 * request, chosen by the configured mix. Gatling times it for its report; the bench times the same request into its
 * own histograms and hands every accepted expense's id to the {@link Tracker}, which waits for its live push.
 */
public final class LoadSimulation extends Simulation {

    /** Gatling builds the simulation itself, with the no-argument constructor: the bench leaves the run here. */
    private static final AtomicReference<LoadRun> NEXT = new AtomicReference<>();

    static final String DUE = "due";
    static final String STATUS = "status";
    static final String EXPENSE_ID = "expenseId";

    public LoadSimulation() {
        this(take());
    }

    LoadSimulation(LoadRun run) {
        setUp(scenario(run).injectOpen(injection(run.options()))).protocols(protocol(run.options()));
    }

    /** Leaves {@code run} for the next simulation Gatling builds. */
    static void prepare(LoadRun run) {
        NEXT.set(run);
    }

    private static LoadRun take() {
        LoadRun run = NEXT.getAndSet(null);
        if (run == null) {
            throw new IllegalStateException("LoadSimulation runs from ./ganaka bench, which prepares it");
        }
        return run;
    }

    /** {@code --rate} new users a second, evenly spaced, for {@code --duration} seconds. */
    static OpenInjectionStep injection(BenchOptions options) {
        return constantUsersPerSec(options.rate()).during(Duration.ofSeconds(options.durationSeconds()));
    }

    /** One pool of connections for all users, as one client machine's HTTP client would keep. */
    static HttpProtocolBuilder protocol(BenchOptions options) {
        return http.baseUrl(options.url().toString())
                .shareConnections()
                .disableWarmUp()
                .acceptHeader("application/json")
                .userAgentHeader("ganaka-bench");
    }

    static ScenarioBuilder scenario(LoadRun run) {
        RequestMix mix = RequestMix.of(run.options().readShare());
        List<Choice.WithWeight> choices = new ArrayList<>();
        addChoice(choices, mix.dashboardPercent(), answered(run, Route.GET_DASHBOARD,
                http(Route.GET_DASHBOARD.label()).get("/dashboard").header("Authorization", BEARER)
                        .check(status().saveAs(STATUS), status().is(200))));
        addChoice(choices, mix.listPercent(), answered(run, Route.GET_EXPENSES,
                http(Route.GET_EXPENSES.label()).get("/expenses").queryParam("limit", "20")
                        .header("Authorization", BEARER)
                        .check(status().saveAs(STATUS), status().is(200))));
        addChoice(choices, mix.writePercent(), answered(run, Route.POST_EXPENSES,
                http(Route.POST_EXPENSES.label()).post("/expenses").header("Authorization", BEARER)
                        .header("Idempotency-Key", "#{randomUuid()}")
                        .body(StringBody(LoadSimulation::expenseJson)).asJson()
                        .check(status().saveAs(STATUS), status().in(201, 202), jmesPath("id").saveAs(EXPENSE_ID))));
        return CoreDsl.scenario("ganaka load")
                .feed(listFeeder(feederRecords(run.users())).circular())
                .exec(session -> started(run, session))
                .randomSwitch().on(choices);
    }

    private static final String BEARER = "Bearer #{token}";

    private static void addChoice(List<Choice.WithWeight> choices, double percent, ChainBuilder chain) {
        if (percent > 0) {
            choices.add(percent(percent).then(chain));
        }
    }

    /** The bench users as feeder records: each virtual user signs its request with one user's token. */
    static List<Map<String, Object>> feederRecords(List<BenchUsers.User> users) {
        return users.stream().map(u -> Map.<String, Object>of("userId", u.id().toString(), "token", u.accessToken()))
                .toList();
    }

    /** A user arrives: its request is due now, whenever Gatling gets to send it. */
    private static Session started(LoadRun run, Session session) {
        run.stats().sent().increment();
        run.stats().inFlight().incrementAndGet();
        return session.set(DUE, System.nanoTime());
    }

    /** The request, then the bench's own account of its answer. */
    private static ChainBuilder answered(LoadRun run, Route route, HttpRequestActionBuilder request) {
        return exec(request).exec(session -> {
            record(run, route, session);
            return session;
        });
    }

    /**
     * Times the answer from the request's due time and counts it: a status outside 2xx is an error of that status, no
     * status at all (a timeout, a refused or reset connection) is "no answer", and an accepted expense goes to the
     * tracker. Runs on the virtual user's event loop right after Gatling has read the answer.
     */
    static void record(LoadRun run, Route route, Session session) {
        long due = session.getLong(DUE);
        run.stats().route(route).recordSince(due);
        run.stats().inFlight().decrementAndGet();
        if (!session.contains(STATUS)) {
            run.stats().error(route, "no answer");
        } else if (session.getInt(STATUS) / 100 != 2) {
            run.stats().error(route, String.valueOf(session.getInt(STATUS)));
        } else if (route == Route.POST_EXPENSES) {
            if (session.contains(EXPENSE_ID)) {
                run.tracker().accepted(session.getString(EXPENSE_ID), due);
            } else {
                run.stats().error(route, "answer without an id");
            }
        }
    }

    /** A new expense of up to 90 EUR, occurring now; the virtual user's number keeps descriptions apart. */
    static String expenseJson(Session session) {
        long n = session.userId();
        return "{\"amount\":\"" + (1 + n % 9000) / 100.0 + "\",\"currency\":\"EUR\",\"description\":\"bench "
                + n + "\",\"occurredAt\":\"" + Instant.now() + "\"}";
    }
}
