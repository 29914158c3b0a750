package io.ganaka.api.docs;

import io.ganaka.api.errors.NotFoundException;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Swagger UI on {@code /docs}, pointed at {@code /api-docs}, served from the Swagger UI WebJar inside the jar, so the
 * docs work offline. The page and its start script are ours; the rest are the WebJar's files, named in an allow-list.
 */
public final class SwaggerUi {

    /**
     * The page's policy: scripts and styles from this origin only. Swagger UI sets inline styles and uses data: images,
     * and "Try it out" calls the API from the page; nothing else is relaxed from the API's {@code default-src 'none'}.
     */
    static final String PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
            + "base-uri 'none'; form-action 'none'";
    private static final String JAVASCRIPT = "text/javascript; charset=utf-8";
    private static final String CSS = "text/css; charset=utf-8";
    private static final String OWN = "io/ganaka/api/docs/";
    private static final String INITIALIZER = "swagger-initializer.js";
    /** The WebJar's files the page uses, with their content types; anything else under /docs is a 404. */
    private static final Map<String, String> ASSETS = Map.of(
            "swagger-ui.css", CSS,
            "index.css", CSS,
            "swagger-ui-bundle.js", JAVASCRIPT,
            "swagger-ui-standalone-preset.js", JAVASCRIPT,
            "favicon-32x32.png", "image/png",
            "favicon-16x16.png", "image/png",
            INITIALIZER, JAVASCRIPT);

    private final String webJarBase = "META-INF/resources/webjars/swagger-ui/" + webJarVersion() + "/";
    private final byte[] page = Resources.read(OWN + "docs.html");
    private final Map<String, byte[]> loaded = new ConcurrentHashMap<>();

    /** {@code GET /docs}. */
    public void page(Context ctx) {
        ctx.contentType("text/html; charset=utf-8")
                .header("Cache-Control", "no-cache")
                .header("Content-Security-Policy", PAGE_CSP)
                .result(page);
    }

    /** {@code GET /docs/{asset}}: one of the page's scripts, styles or icons. */
    public void asset(Context ctx) {
        String name = ctx.pathParam("asset");
        String type = ASSETS.get(name);
        if (type == null) {
            throw new NotFoundException("no such docs asset");
        }
        byte[] bytes = loaded.computeIfAbsent(name,
                n -> Resources.read(n.equals(INITIALIZER) ? OWN + n : webJarBase + n));
        // The files change only with a new build; an hour keeps reloads cheap without pinning an old version for long.
        ctx.contentType(type).header("Cache-Control", "public, max-age=3600").result(bytes);
    }

    /** The WebJar's version, from its Maven metadata, so that upgrading the dependency needs no code change. */
    private static String webJarVersion() {
        Properties properties = new Properties();
        try {
            properties.load(new ByteArrayInputStream(
                    Resources.read("META-INF/maven/org.webjars/swagger-ui/pom.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }
}
