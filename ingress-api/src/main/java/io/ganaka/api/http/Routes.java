package io.ganaka.api.http;

import io.ganaka.api.auth.AuthHandlers;
import io.ganaka.api.dashboard.DashboardPage;
import io.ganaka.api.expenses.ExpenseExportHandlers;
import io.ganaka.api.expenses.ExpenseHandlers;
import io.ganaka.api.health.HealthHandlers;
import io.ganaka.api.imports.ImportHandlers;
import io.ganaka.api.reports.ReportHandlers;
import io.ganaka.api.users.UserHandlers;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.List;

/**
 * Every route of the API and who may call it, in one table. Routes without {@link ApiRole#PUBLIC} need a token; the
 * table is also published through {@link #table()} so that tests can prove every protected route is protected.
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
    private final ImportHandlers imports;
    private final ExpenseExportHandlers exports;
    private final SecurityHeaders securityHeaders = new SecurityHeaders();

    public Routes(AuthHandlers auth, ExpenseHandlers expenses, ReportHandlers reports, HealthHandlers health,
                  AccessCheck accessCheck, ErrorMapper errors, DashboardPage dashboard, UserHandlers users,
                  Cors cors, ImportHandlers imports, ExpenseExportHandlers exports) {
        this.auth = auth;
        this.expenses = expenses;
        this.reports = reports;
        this.health = health;
        this.accessCheck = accessCheck;
        this.errors = errors;
        this.dashboard = dashboard;
        this.users = users;
        this.cors = cors;
        this.imports = imports;
        this.exports = exports;
    }

    private List<Route> routes() {
        return List.of(
                Route.get("/", dashboard::serve, ApiRole.PUBLIC),
                Route.get("/health", health::health, ApiRole.PUBLIC),
                Route.get("/ready", health::ready, ApiRole.PUBLIC),

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

                // Uploads take the import route's own body limit (ImportSettings), not the API's default.
                Route.post("/imports", imports::create, ApiRole.USER),
                Route.get("/imports", imports::list, ApiRole.USER),
                Route.get("/imports/{id}", imports::get, ApiRole.USER),
                Route.get("/imports/{id}/rows", imports::rows, ApiRole.USER),

                Route.get("/reports/monthly/{year}/{month}", reports::monthly, ApiRole.USER));
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
            routes.addHttpHandler(HandlerType.findOrCreate(route.spec().method()), route.spec().path(),
                    route.handler(), route.spec().role());
            if (route.spec().method().equals("GET")) {
                // Javalin answers HEAD with the GET handler but without its roles, so public pages would need a token.
                routes.addHttpHandler(HandlerType.HEAD, route.spec().path(), route.handler(), route.spec().role());
            }
        }
        errors.register(routes, table());
    }

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
