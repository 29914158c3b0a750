package io.ganaka.api.health;

import io.ganaka.api.http.Problem;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /health} says the process is alive; {@code /ready} says whether its dependencies answer: 200 with every
 * check, or a 503 problem document naming the dependencies that are down, with every check beside it.
 */
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
        var down = checks.entrySet().stream().filter(check -> !"up".equals(check.getValue()))
                .map(Map.Entry::getKey).toList();
        if (down.isEmpty()) {
            ctx.json(Map.of("status", "up", "checks", checks));
            return;
        }
        Problem problem = Problem.of("not-ready", "Not Ready", 503,
                "Not ready: " + String.join(", ", down) + " not answering", ctx.path());
        // A problem document with two extension members, so that a probe and a person both see what is down.
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        body.put("instance", problem.instance());
        body.put("down", down);
        body.put("checks", checks);
        ctx.status(503).json(body).contentType(Problem.CONTENT_TYPE);
    }
}
