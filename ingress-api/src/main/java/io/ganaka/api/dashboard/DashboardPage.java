package io.ganaka.api.dashboard;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves the dashboard page, a single self-contained HTML file that talks to the API with the user's token. */
public final class DashboardPage {

    private final byte[] html;

    public DashboardPage() {
        try (InputStream in = DashboardPage.class.getResourceAsStream("index.html")) {
            if (in == null) {
                throw new IllegalStateException("dashboard page missing from the classpath");
            }
            html = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dashboard page", e);
        }
    }

    public void serve(Context ctx) {
        ctx.contentType("text/html; charset=utf-8")
                .header("Cache-Control", "no-cache")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy",
                        "default-src 'self'; img-src 'self' data:; script-src 'self' 'unsafe-inline'; "
                                + "style-src 'self' 'unsafe-inline'")
                .result(html);
    }
}
