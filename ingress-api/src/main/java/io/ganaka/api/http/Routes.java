package io.ganaka.api.http;

import io.ganaka.api.auth.AuthHandlers;
import io.ganaka.api.budgets.BudgetHandlers;
import io.ganaka.api.categories.CategoryHandlers;
import io.ganaka.api.dashboard.DashboardPage;
import io.ganaka.api.dashboard.DashboardRoutes;
import io.ganaka.api.docs.DocsRoutes;
import io.ganaka.api.expenses.ExpenseExportHandlers;
import io.ganaka.api.expenses.ExpenseHandlers;
import io.ganaka.api.health.HealthHandlers;
import io.ganaka.api.imports.ImportHandlers;
import io.ganaka.api.live.DashboardSocket;
import io.ganaka.api.metrics.MetricsHandler;
import io.ganaka.api.notifications.NotificationHandlers;
import io.ganaka.api.reports.ReportHandlers;
import io.ganaka.api.rules.RuleHandlers;
import io.ganaka.api.users.UserHandlers;
import io.ganaka.api.webhooks.WebhookHandlers;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Set;

/**
 * Every route of the API and who may call it, in one table. Routes without {@link ApiRole#PUBLIC} need a token; the
 * table is also published through {@link #table()} so that tests can prove every protected route is protected.
 * Every authenticated {@code POST} outside {@code /auth/} honours {@code Idempotency-Key} (see {@link Idempotency}),
 * except those whose answers hold a webhook secret.
 */
public final class Routes {

    private final AuthHandlers auth;
    private final ExpenseHandlers expenses;
    private final ReportHandlers reports;
    private final HealthHandlers health;
    private final AccessCheck accessCheck;
    private final ErrorMapper errors;
    private final DashboardPage dashboard;
    private final UserHandlers users;
    private final Cors cors;
    private final Idempotency idempotency;
    private final CategoryHandlers categories;
    private final BudgetHandlers budgets;
    private final RuleHandlers rules;
    private final ImportHandlers imports;
    private final ExpenseExportHandlers exports;
    private final WebhookHandlers webhooks;
    private final MetricsHandler metrics;
    private final NotificationHandlers notifications;
    private final DashboardRoutes live;
    private final DocsRoutes docs;
    private final SecurityHeaders securityHeaders = new SecurityHeaders();

    public Routes(AuthHandlers auth, ExpenseHandlers expenses, ReportHandlers reports, HealthHandlers health,
                  AccessCheck accessCheck, ErrorMapper errors, DashboardPage dashboard, UserHandlers users,
                  Cors cors, Idempotency idempotency, CategoryHandlers categories, BudgetHandlers budgets,
                  RuleHandlers rules, ImportHandlers imports, ExpenseExportHandlers exports,
                  WebhookHandlers webhooks, MetricsHandler metrics, DashboardRoutes live,
                  NotificationHandlers notifications, DocsRoutes docs) {
        this.auth = auth;
        this.expenses = expenses;
        this.reports = reports;
        this.health = health;
        this.accessCheck = accessCheck;
        this.errors = errors;
        this.dashboard = dashboard;
        this.users = users;
        this.cors = cors;
        this.idempotency = idempotency;
        this.categories = categories;
        this.budgets = budgets;
        this.rules = rules;
        this.imports = imports;
        this.exports = exports;
        this.webhooks = webhooks;
        this.metrics = metrics;
        this.notifications = notifications;
        this.live = live;
        this.docs = docs;
    }

    private List<Route> routes() {
        return List.of(
                Route.get("/", dashboard::serve, ApiRole.PUBLIC),
                // The dashboard's scripts, styles and chart library, from the jar.
                Route.get("/assets/{file}", dashboard::asset, ApiRole.PUBLIC),
                Route.get("/health", health::health, ApiRole.PUBLIC),
                Route.get("/ready", health::ready, ApiRole.PUBLIC),
                // For the Prometheus scraper, which holds no token; keep it off the public ingress in production.
                Route.get("/metrics", metrics::scrape, ApiRole.PUBLIC),
                // The API's description and what this process runs; like /metrics, for tools that hold no token.
                Route.get("/api-docs", docs.openApi()::json, ApiRole.PUBLIC),
                Route.get("/api-docs.yaml", docs.openApi()::yaml, ApiRole.PUBLIC),
                Route.get("/docs", docs.swaggerUi()::page, ApiRole.PUBLIC),
                Route.get("/docs/{asset}", docs.swaggerUi()::asset, ApiRole.PUBLIC),
                Route.get("/services", docs.services()::list, ApiRole.PUBLIC),

                Route.post("/auth/register", auth::register, ApiRole.PUBLIC),
                Route.post("/auth/login", auth::login, ApiRole.PUBLIC),
                Route.post("/auth/refresh", auth::refresh, ApiRole.PUBLIC),
                Route.post("/auth/logout", auth::logout, ApiRole.USER),
                Route.post("/auth/logout-all", auth::logoutAll, ApiRole.USER),
                Route.post("/auth/password", auth::changePassword, ApiRole.USER),
                Route.get("/auth/me", auth::me, ApiRole.USER),

                // Self only, or any user for role admin where the service allows it (read, delete); others get 404.
                Route.get("/users/{id}", users::get, ApiRole.USER),
                Route.put("/users/{id}", users::replace, ApiRole.USER),
                Route.delete("/users/{id}", users::delete, ApiRole.USER),

                Route.post("/expenses", expenses::add, ApiRole.USER),
                // Before /expenses/{id}, which would otherwise take "export" for an id.
                Route.get("/expenses/export", exports::export, ApiRole.USER),
                Route.get("/expenses/{id}", expenses::get, ApiRole.USER),
                Route.get("/expenses", expenses::list, ApiRole.USER),
                Route.put("/expenses/{id}", expenses::replace, ApiRole.USER),
                Route.delete("/expenses/{id}", expenses::delete, ApiRole.USER),

                Route.get("/reports/monthly/{year}/{month}", reports::monthly, ApiRole.USER),
                Route.get("/reports/categories/{year}/{month}", reports::categories, ApiRole.USER),
                Route.get("/reports/summary", reports::summary, ApiRole.USER),

                Route.get("/categories", categories::list, ApiRole.USER),
                Route.post("/categories", categories::create, ApiRole.USER),
                Route.get("/categories/{id}", categories::get, ApiRole.USER),
                Route.put("/categories/{id}", categories::replace, ApiRole.USER),
                Route.delete("/categories/{id}", categories::delete, ApiRole.USER),

                Route.get("/budgets/default", budgets::getDefault, ApiRole.USER),
                Route.put("/budgets/default", budgets::replaceDefault, ApiRole.USER),
                Route.get("/budgets/{year}/{month}", budgets::getMonth, ApiRole.USER),
                Route.put("/budgets/{year}/{month}", budgets::replaceMonth, ApiRole.USER),

                Route.get("/rules", rules::list, ApiRole.USER),
                Route.post("/rules", rules::create, ApiRole.USER),
                Route.post("/rules/apply", rules::apply, ApiRole.USER),
                Route.get("/rules/{id}", rules::get, ApiRole.USER),
                Route.put("/rules/{id}", rules::replace, ApiRole.USER),
                Route.delete("/rules/{id}", rules::delete, ApiRole.USER),

                // Uploads take the import route's own body limit (ImportSettings), not the API's default.
                Route.post("/imports", imports::create, ApiRole.USER),
                Route.get("/imports", imports::list, ApiRole.USER),
                Route.get("/imports/{id}", imports::get, ApiRole.USER),
                Route.get("/imports/{id}/rows", imports::rows, ApiRole.USER),

                Route.get("/webhooks", webhooks::list, ApiRole.USER),
                Route.post("/webhooks", webhooks::create, ApiRole.USER),
                Route.get("/webhooks/{id}", webhooks::get, ApiRole.USER),
                Route.put("/webhooks/{id}", webhooks::replace, ApiRole.USER),
                Route.delete("/webhooks/{id}", webhooks::delete, ApiRole.USER),
                Route.post("/webhooks/{id}/rotate-secret", webhooks::rotateSecret, ApiRole.USER),
                // Sends to the target synchronously, within the webhook settings' short timeouts.
                Route.post("/webhooks/{id}/test", webhooks::test, ApiRole.USER),
                Route.get("/notifications", notifications::list, ApiRole.USER),
                Route.get("/dashboard", live.dashboard()::get, ApiRole.USER),
                Route.get("/alerts", live.alerts()::list, ApiRole.USER),
                Route.post("/alerts/{id}/dismiss", live.alerts()::dismiss, ApiRole.USER),
                // The socket authenticates its upgrade itself, from the subprotocols it is offered (see DashboardSocket).
                Route.post("/ws/ticket", live.socket()::ticket, ApiRole.USER));
    }

    /** The route table without its handlers: method, path pattern and role of every route, in declaration order. */
    public List<RouteSpec> table() {
        return routes().stream().map(Route::spec).toList();
    }

    public void install(JavalinConfig config) {
        RoutesConfig routes = config.routes;
        // Request id first, so that even a refused preflight's problem can quote it; headers before anything can fail.
        routes.before(Requests::assignRequestId);
        routes.before(securityHeaders::apply);
        routes.before(cors::handle);
        routes.beforeMatched(accessCheck::check);
        for (Route route : routes()) {
            Handler handler = isIdempotent(route.spec()) ? idempotency.wrap(route.handler()) : route.handler();
            routes.addHttpHandler(HandlerType.findOrCreate(route.spec().method()), route.spec().path(),
                    handler, route.spec().role());
            if (route.spec().method().equals("GET")) {
                // Javalin answers HEAD with the GET handler but without its roles, so public pages would need a token.
                routes.addHttpHandler(HandlerType.HEAD, route.spec().path(), route.handler(), route.spec().role());
            }
        }
        routes.wsBeforeUpgrade(DashboardSocket.PATH, live.socket()::beforeUpgrade);
        routes.ws(DashboardSocket.PATH, live.socket()::configure, ApiRole.PUBLIC);
        errors.register(routes, table());
    }

    /**
     * Authenticated creations take an {@code Idempotency-Key}; the {@code /auth/} and {@code /ws/} routes and the
     * webhook routes that answer with a signing secret do not, because credentials, tokens, tickets and secrets are
     * never stored for a replay.
     */
    public static boolean isIdempotent(RouteSpec route) {
        return route.method().equals("POST") && route.role() != ApiRole.PUBLIC && !route.path().startsWith("/auth/")
                && !route.path().startsWith("/ws/") && !SECRET_ANSWERS.contains(route.path());
    }

    /** POST routes whose answer shows a webhook's signing secret. */
    private static final Set<String> SECRET_ANSWERS = Set.of("/webhooks", "/webhooks/{id}/rotate-secret");

    /** A row of the table with its handler. */
    private record Route(RouteSpec spec, Handler handler) {

        static Route get(String path, Handler handler, ApiRole role) {
            return new Route(new RouteSpec("GET", path, role), handler);
        }

        static Route post(String path, Handler handler, ApiRole role) {
            return new Route(new RouteSpec("POST", path, role), handler);
        }

        static Route put(String path, Handler handler, ApiRole role) {
            return new Route(new RouteSpec("PUT", path, role), handler);
        }

        static Route delete(String path, Handler handler, ApiRole role) {
            return new Route(new RouteSpec("DELETE", path, role), handler);
        }
    }
}
