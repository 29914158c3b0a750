package io.ganaka.api.http;

import io.ganaka.api.dashboard.DashboardPage;
import io.ganaka.api.auth.AuthHandlers;
import io.ganaka.api.expenses.ExpenseHandlers;
import io.ganaka.api.health.HealthHandlers;
import io.ganaka.api.reports.ReportHandlers;
import io.ganaka.api.users.UserHandlers;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;

/** Every route of the API and who may call it, in one place. Routes without {@link ApiRole#PUBLIC} need a token. */
public final class Routes {

    private final AuthHandlers auth;
    private final ExpenseHandlers expenses;
    private final ReportHandlers reports;
    private final HealthHandlers health;
    private final AccessCheck accessCheck;
    private final ErrorMapper errors;
    private final DashboardPage dashboard;
    private final UserHandlers users;

    public Routes(AuthHandlers auth, ExpenseHandlers expenses, ReportHandlers reports, HealthHandlers health,
                  AccessCheck accessCheck, ErrorMapper errors, DashboardPage dashboard, UserHandlers users) {
        this.auth = auth;
        this.expenses = expenses;
        this.reports = reports;
        this.health = health;
        this.accessCheck = accessCheck;
        this.errors = errors;
        this.dashboard = dashboard;
        this.users = users;
    }

    public void install(JavalinConfig config) {
        RoutesConfig routes = config.routes;
        routes.before(Requests::assignRequestId);
        routes.beforeMatched(accessCheck::check);

        routes.get("/", dashboard::serve, ApiRole.PUBLIC);
        routes.get("/health", health::health, ApiRole.PUBLIC);
        routes.get("/ready", health::ready, ApiRole.PUBLIC);

        routes.post("/auth/register", auth::register, ApiRole.PUBLIC);
        routes.post("/auth/login", auth::login, ApiRole.PUBLIC);
        routes.post("/auth/refresh", auth::refresh, ApiRole.PUBLIC);
        routes.post("/auth/logout", auth::logout, ApiRole.USER);
        routes.post("/auth/logout-all", auth::logoutAll, ApiRole.USER);
        routes.post("/auth/password", auth::changePassword, ApiRole.USER);
        routes.get("/auth/me", auth::me, ApiRole.USER);

        // Self only, or any user for role admin where the service allows it (read, delete); others get 404.
        routes.get("/users/{id}", users::get, ApiRole.USER);
        routes.put("/users/{id}", users::replace, ApiRole.USER);
        routes.delete("/users/{id}", users::delete, ApiRole.USER);

        routes.post("/expenses", expenses::add, ApiRole.USER);
        routes.get("/expenses/{id}", expenses::get, ApiRole.USER);

        routes.get("/reports/monthly/{year}/{month}", reports::monthly, ApiRole.USER);

        errors.register(routes);
    }
}
