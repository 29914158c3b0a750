package io.ganaka.api;

import io.ganaka.api.alerts.AlertHandlers;
import io.ganaka.api.alerts.AlertRepository;
import io.ganaka.api.alerts.AlertService;
import io.ganaka.api.auth.AccountRepository;
import io.ganaka.api.auth.AccountService;
import io.ganaka.api.auth.AuthHandlers;
import io.ganaka.api.budgets.BudgetHandlers;
import io.ganaka.api.budgets.BudgetRepository;
import io.ganaka.api.budgets.BudgetService;
import io.ganaka.api.categories.CategoryHandlers;
import io.ganaka.api.categories.CategoryRemovals;
import io.ganaka.api.categories.CategoryRepository;
import io.ganaka.api.categories.CategoryService;
import io.ganaka.api.dashboard.DashboardCache;
import io.ganaka.api.dashboard.DashboardHandlers;
import io.ganaka.api.dashboard.DashboardPage;
import io.ganaka.api.dashboard.DashboardRoutes;
import io.ganaka.api.dashboard.DashboardService;
import io.ganaka.api.dashboard.LivePublisher;
import io.ganaka.api.dashboard.NatsLivePublisher;
import io.ganaka.api.docs.DocsRoutes;
import io.ganaka.api.events.EventPublisher;
import io.ganaka.api.events.ProjectionWaiter;
import io.ganaka.api.expenses.ExpenseChangeService;
import io.ganaka.api.expenses.ExpenseExportHandlers;
import io.ganaka.api.expenses.ExpenseExportRepository;
import io.ganaka.api.expenses.ExpenseExporter;
import io.ganaka.api.expenses.ExpenseHandlers;
import io.ganaka.api.expenses.ExpenseRepository;
import io.ganaka.api.expenses.ExpenseService;
import io.ganaka.api.expenses.RedisVersionReservations;
import io.ganaka.api.health.HealthHandlers;
import io.ganaka.api.health.Readiness;
import io.ganaka.api.http.AccessCheck;
import io.ganaka.api.http.Admission;
import io.ganaka.api.http.Cors;
import io.ganaka.api.http.ErrorMapper;
import io.ganaka.api.http.Idempotency;
import io.ganaka.api.http.RequestLog;
import io.ganaka.api.http.RouteSpec;
import io.ganaka.api.http.Routes;
import io.ganaka.api.http.ServerErrors;
import io.ganaka.api.imports.ImportHandlers;
import io.ganaka.api.imports.ImportLookups;
import io.ganaka.api.imports.ImportRepository;
import io.ganaka.api.imports.ImportRunner;
import io.ganaka.api.imports.ImportService;
import io.ganaka.api.imports.ImportSettings;
import io.ganaka.api.imports.ImportUploads;
import io.ganaka.api.live.DashboardSocket;
import io.ganaka.api.live.LiveHub;
import io.ganaka.api.live.WsTickets;
import io.ganaka.api.metrics.HttpRequestMetrics;
import io.ganaka.api.metrics.LiveSocketMetrics;
import io.ganaka.api.metrics.MetricsHandler;
import io.ganaka.api.metrics.RateLimitMetrics;
import io.ganaka.api.notifications.NotificationHandlers;
import io.ganaka.api.notifications.NotificationRepository;
import io.ganaka.api.notifications.NotificationService;
import io.ganaka.api.reports.ReportHandlers;
import io.ganaka.api.reports.ReportRepository;
import io.ganaka.api.reports.ReportService;
import io.ganaka.api.rules.RuleApplier;
import io.ganaka.api.rules.RuleHandlers;
import io.ganaka.api.rules.RuleRepository;
import io.ganaka.api.rules.RuleService;
import io.ganaka.api.rules.UncategorizedExpenses;
import io.ganaka.api.users.StoredSessionsEnder;
import io.ganaka.api.users.UserHandlers;
import io.ganaka.api.users.UserRepository;
import io.ganaka.api.users.UserService;
import io.ganaka.api.webhooks.WebhookHandlers;
import io.ganaka.api.webhooks.WebhookRepository;
import io.ganaka.api.webhooks.WebhookService;
import io.ganaka.api.webhooks.WebhookSettings;
import io.ganaka.auth.AbuseLimits;
import io.ganaka.auth.AbuseMetrics;
import io.ganaka.auth.AccessTokens;
import io.ganaka.auth.CommonPasswords;
import io.ganaka.auth.PasswordPolicy;
import io.ganaka.auth.RedisRateLimiter;
import io.ganaka.auth.RedisSessionStore;
import io.ganaka.schemas.Json;
import io.ganaka.schemas.webhooks.WebhookSender;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import redis.clients.jedis.UnifiedJedis;

/**
 * The HTTP API: builds the services over the given infrastructure, installs the routes and serves them. The
 * collaborators belong to the caller, who closes them after this server.
 */
public final class ApiServer implements AutoCloseable {

    /** Four checks per {@code /ready} plus the process's own: a few probes at once at most. */
    private static final int MAX_READINESS_THREADS = 32;

    private final Javalin app;
    private final ExecutorService readinessExecutor;
    private final AbuseMetrics abuseMetrics;
    private final RedisSessionStore sessions;
    private final List<RouteSpec> routeTable;
    private final ImportRunner imports;
    private final WebhookSender webhookSender;
    private final LiveHub hub;

    private ApiServer(Javalin app, ExecutorService readinessExecutor, AbuseMetrics abuseMetrics,
                      RedisSessionStore sessions, List<RouteSpec> routeTable, ImportRunner imports,
                      WebhookSender webhookSender, LiveHub hub) {
        this.app = app;
        this.hub = hub;
        this.imports = imports;
        this.webhookSender = webhookSender;
        this.readinessExecutor = readinessExecutor;
        this.abuseMetrics = abuseMetrics;
        this.sessions = sessions;
        this.routeTable = routeTable;
    }

    /** Builds the services over {@code parts}, installs the routes and starts serving on the configured port. */
    public static ApiServer start(ApiDependencies parts) {
        ApiSettings s = parts.settings();
        DataSource db = parts.db();
        EventPublisher publisher = parts.publisher();
        UnifiedJedis redis = parts.redis();
        AccessTokens tokens = parts.tokens();
        AbuseLimits limits = parts.limits();
        ProjectionWaiter projections = parts.projections();
        ImportSettings importSettings = parts.imports();
        WebhookSettings webhookSettings = parts.webhooks();
        PrometheusRegistry metrics = parts.metrics();
        ImportRepository importRepository = new ImportRepository(db);
        ImportRunner imports = new ImportRunner(importSettings, importRepository);
        LiveHub hub = new LiveHub(parts.live(), s.naming(), Clock.systemUTC());
        // Imports left unfinished by a process that stopped are failed before this one takes new ones.
        imports.start();
        ExecutorService readinessExecutor = readinessExecutor();
        WebhookSender webhookSender = new WebhookSender(webhookSettings.senderSettings());
        AbuseMetrics abuseMetrics = new AbuseMetrics();
        RedisSessionStore sessions = new RedisSessionStore(redis, s.naming().redisPrefix(), tokens.ttl());
        AccountService accounts = new AccountService(new AccountRepository(db), parts.hasher(),
                new PasswordPolicy(CommonPasswords.bundled()), tokens, sessions,
                new RedisRateLimiter(redis, s.naming().redisPrefix(), abuseMetrics), limits, publisher,
                s.publishTimeout());
        Routes routes = new Routes(
                new AuthHandlers(accounts),
                new ExpenseHandlers(new ExpenseService(new ExpenseRepository(db), publisher, s.publishTimeout(),
                        projections),
                        new ExpenseChangeService(new ExpenseRepository(db),
                                new RedisVersionReservations(redis, s.naming().redisPrefix()), publisher,
                                s.publishTimeout(), projections)),
                new ReportHandlers(new ReportService(new ReportRepository(db))),
                new HealthHandlers(new Readiness(db, redis, publisher, readinessExecutor, parts.readinessChecks())),
                new AccessCheck(tokens, sessions),
                new ErrorMapper(),
                new DashboardPage(),
                new UserHandlers(new UserService(new UserRepository(db), new StoredSessionsEnder(sessions),
                        publisher, s.publishTimeout())),
                new Cors(s.corsOrigins()),
                new Idempotency(parts.idempotency(), importSettings.maxUploadBytes()),
                new CategoryHandlers(new CategoryService(new CategoryRepository(db), new CategoryRemovals(db),
                        publisher, s.publishTimeout())),
                new BudgetHandlers(new BudgetService(new BudgetRepository(db), publisher, s.publishTimeout())),
                ruleHandlers(s, db, publisher),
                new ImportHandlers(new ImportService(importRepository, new ImportLookups(db), imports, publisher,
                        s.publishTimeout(), importSettings), new ImportUploads(importSettings.maxUploadBytes())),
                new ExpenseExportHandlers(new ExpenseExporter(new ExpenseExportRepository(db))),
                new WebhookHandlers(new WebhookService(new WebhookRepository(db), webhookSender, Clock.systemUTC()),
                        webhookSettings.policy()),
                new MetricsHandler(metrics),
                dashboardRoutes(s, db, redis, tokens, sessions, hub),
                new NotificationHandlers(new NotificationService(new NotificationRepository(db))),
                DocsRoutes.of(parts.services()));
        HttpRequestMetrics requestMetrics = new HttpRequestMetrics(metrics);
        metrics.register(new RateLimitMetrics(abuseMetrics, List.of(limits.loginFailuresPerAccount().name(),
                limits.loginFailuresPerAddress().name(), limits.registrationsPerAddress().name())));
        LiveSocketMetrics.register(metrics, hub);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            // Bounded: threads, admitted requests, requests waiting for a slot and open connections. Jetty's job queue
            // then holds at most a few jobs per connection and admitted request (Jetty warns against capping it).
            config.jetty.threadPool = threadPool(s.http());
            config.jetty.modifyServer(server -> {
                server.setHandler(new Admission(s.http(), requestMetrics::shed));
                server.addBean(new NetworkConnectionLimit(s.http().maxConnections(), server));
            });
            config.http.maxRequestSize = s.maxRequestBytes();
            // No per-connection header-field cache: by default Jetty matches cached values ignoring case (a bearer
            // token differing from an earlier one only in letter case would be read as the earlier one), and every
            // request here carries fresh values (tokens, idempotency keys) that fill the 1 KiB cache and make Jetty
            // clear it again and again, which measured as a sixth of the request threads' CPU.
            config.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheSize(0));
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            config.jetty.modifyServer(server -> server.setErrorHandler(new ServerErrors()));
            config.requestLogger.http((ctx, millis) -> {
                requestMetrics.record(ctx, millis);
                RequestLog.record(ctx, millis);
            });
            routes.install(config);
        });
        try {
            app.start(s.port());
        } catch (RuntimeException e) {
            readinessExecutor.shutdownNow();
            imports.close();
            webhookSender.close();
            hub.close();
            throw e;
        }
        return new ApiServer(app, readinessExecutor, abuseMetrics, sessions, routes.table(), imports, webhookSender,
                hub);
    }

    private static DashboardRoutes dashboardRoutes(ApiSettings s, DataSource db, UnifiedJedis redis,
                                                   AccessTokens tokens, RedisSessionStore sessions, LiveHub hub) {
        LivePublisher publisher = hub.nats() == null ? LivePublisher.NONE : new NatsLivePublisher(hub.nats(), s.naming());
        DashboardService dashboards = new DashboardService(new DashboardCache(redis, s.naming()), db, publisher,
                Clock.systemUTC());
        return new DashboardRoutes(new DashboardHandlers(dashboards),
                new AlertHandlers(new AlertService(new AlertRepository(db), dashboards, Clock.systemUTC())),
                new DashboardSocket(tokens, sessions, new WsTickets(redis, s.naming().redisPrefix()), hub,
                        dashboards, Clock.systemUTC()));
    }

    private static RuleHandlers ruleHandlers(ApiSettings s, DataSource db, EventPublisher publisher) {
        RuleRepository rules = new RuleRepository(db);
        return new RuleHandlers(new RuleService(rules, publisher, s.publishTimeout()),
                new RuleApplier(rules, new UncategorizedExpenses(db), publisher, s.publishTimeout()));
    }

    public int port() {
        return app.port();
    }

    /** The 429s so far per rate limit, for the metrics endpoint. */
    public AbuseMetrics abuseMetrics() {
        return abuseMetrics;
    }

    /** The session store, whose {@code endAllSessionsAndForget} account deletion calls. */
    public RedisSessionStore sessions() {
        return sessions;
    }

    /** Every route this server serves, with its role. */
    public List<RouteSpec> routeTable() {
        return routeTable;
    }

    /** The live dashboard sockets of this server. */
    public LiveHub liveHub() {
        return hub;
    }

    @Override
    public void close() {
        app.stop();
        hub.close();
        readinessExecutor.shutdownNow();
        imports.close();
        webhookSender.close();
    }

    /** Jetty's threads: one per admitted request plus spare ones for selectors and unlimited routes. */
    private static QueuedThreadPool threadPool(HttpLimits limits) {
        QueuedThreadPool pool = new QueuedThreadPool(limits.threads(), Math.min(8, limits.threads()), 60_000);
        pool.setName("ganaka-http");
        return pool;
    }

    /** Bounded: one thread per concurrent {@code /ready} check, refused (reported down) beyond that. */
    private static ExecutorService readinessExecutor() {
        return new ThreadPoolExecutor(0, MAX_READINESS_THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                daemonThreads());
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "ganaka-readiness-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
