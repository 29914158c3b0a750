package io.ganaka.api.dashboard;

import io.ganaka.api.errors.NotFoundException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Serves the dashboard, a small single-page app: the page at {@code /} and its scripts, styles and chart library at
 * {@code /assets/{file}}, all read once from the classpath (the chart library from its WebJar), so the dashboard works
 * without any other server or network. Only the files named here are served; every answer carries a strong ETag and
 * is revalidated on each use, so a new release is picked up at once.
 */
public final class DashboardPage {

    /**
     * Scripts and styles come only from this origin and no inline code runs; the page talks only to its own origin
     * (HTTP and the live socket).
     */
    static final String PAGE_CSP = "default-src 'self'; img-src 'self' data:; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; base-uri 'none'; form-action 'self'; object-src 'none'; frame-ancestors 'none'";

    /** Where the Chart.js WebJar keeps its version, which is part of the bundle's path. */
    private static final String CHART_JS_POM = "/META-INF/maven/org.webjars.npm/chart.js/pom.properties";
    private static final String JS = "text/javascript; charset=utf-8";
    private static final String CSS = "text/css; charset=utf-8";
    /** The app's ES modules, beside index.html. */
    private static final List<String> MODULES = List.of("app.js", "api.js", "dom.js", "format.js", "state.js",
            "live.js", "dashboard.js", "pages.js");

    private final Asset page;
    private final Map<String, Asset> assets;

    public DashboardPage() {
        page = Asset.load("index.html", "text/html; charset=utf-8");
        Map<String, Asset> files = new HashMap<>();
        for (String module : MODULES) {
            files.put(module, Asset.load(module, JS));
        }
        files.put("app.css", Asset.load("app.css", CSS));
        files.put("chart.umd.js", Asset.load(chartJsPath(), JS));
        assets = Map.copyOf(files);
    }

    private static String chartJsPath() {
        Properties pom = new Properties();
        try (InputStream in = DashboardPage.class.getResourceAsStream(CHART_JS_POM)) {
            if (in == null) {
                throw new IllegalStateException("the Chart.js WebJar is missing from the classpath");
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Chart.js WebJar's version", e);
        }
        return "/META-INF/resources/webjars/chart.js/" + pom.getProperty("version") + "/dist/chart.umd.js";
    }

    public void serve(Context ctx) {
        send(ctx, page);
    }

    /** {@code GET /assets/{file}}: one of the page's files; any other name is 404. */
    public void asset(Context ctx) {
        Asset asset = assets.get(ctx.pathParam("file"));
        if (asset == null) {
            throw new NotFoundException("no such dashboard file");
        }
        send(ctx, asset);
    }

    private static void send(Context ctx, Asset asset) {
        ctx.header("Cache-Control", "no-cache")
                .header("ETag", asset.etag())
                .header("Content-Security-Policy", PAGE_CSP);
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null && ifNoneMatch.contains(asset.etag())) {
            ctx.status(304);
            return;
        }
        ctx.contentType(asset.contentType()).result(asset.bytes());
    }

    /** A file of the dashboard with its content type and an ETag derived from its bytes. */
    record Asset(byte[] bytes, String contentType, String etag) {

        static Asset load(String name, String contentType) {
            try (InputStream in = DashboardPage.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("dashboard file " + name + " missing from the classpath");
                }
                byte[] bytes = in.readAllBytes();
                return new Asset(bytes, contentType, "\"" + digest(bytes) + "\"");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the dashboard file " + name, e);
            }
        }

        private static String digest(byte[] bytes) {
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
                return HexFormat.of().formatHex(hash, 0, 16);
            } catch (NoSuchAlgorithmException e) { // every Java platform has SHA-256
                throw new IllegalStateException(e);
            }
        }
    }
}
