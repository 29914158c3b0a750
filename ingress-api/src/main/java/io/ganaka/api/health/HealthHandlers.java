package io.ganaka.api.health;

import io.javalin.http.Context;
import java.util.Map;

/** {@code /health} says the process is alive; {@code /ready} says whether its dependencies answer. */
public final class HealthHandlers {

    private final Readiness readiness;

    public HealthHandlers(Readiness readiness) {
        this.readiness = readiness;
    }

    public void health(Context ctx) {
        ctx.json(Map.of("status", "up"));
    }

    public void ready(Context ctx) {
        Map<String, String> checks = readiness.check();
        boolean up = checks.values().stream().allMatch("up"::equals);
        ctx.status(up ? 200 : 503).json(Map.of("status", up ? "up" : "down", "checks", checks));
    }
}
