package io.ganaka.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /docs} serves Swagger UI from the jar, without a token: the page, every file it loads with its content type,
 * and a start script pointed at {@code /api-docs}. Also {@code GET /services} of a server that runs the API alone.
 */
class SwaggerUiIT {

    private static final Pattern LINKS = Pattern.compile("(?:src|href)=\"(/docs/[^\"]+)\"");
    private static final Map<String, String> TYPES = Map.of(".js", "text/javascript", ".css", "text/css",
            ".png", "image/png");

    private static RunningApi running;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        running = new RunningApi(ApiOptions.sharedEnvironment().namingSuffix("-swagger"));
        api = running.client;
    }

    @AfterAll
    static void stop() throws Exception {
        running.close();
    }

    @Test
    void pageLoadsSwaggerUiWithAPolicyThatAllowsOnlyItsOwnScripts() throws Exception {
        HttpResponse<String> page = api.get("/docs", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("/docs/swagger-ui-bundle.js", "/docs/swagger-initializer.js");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self';", "connect-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-eval"));
        assertThat(page.headers().allValues("Content-Security-Policy")).hasSize(1);
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void everyFileThePageLoadsIsServedWithItsContentType() throws Exception {
        List<String> files = new ArrayList<>();
        Matcher links = LINKS.matcher(api.get("/docs", null).body());
        while (links.find()) {
            files.add(links.group(1));
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(6);

        for (String file : files) {
            HttpResponse<String> asset = api.get(file, null);
            String expected = TYPES.get(file.substring(file.lastIndexOf('.')));
            assertThat(asset.statusCode()).as(file).isEqualTo(200);
            assertThat(asset.headers().firstValue("Content-Type")).as(file)
                    .hasValueSatisfying(type -> assertThat(type).startsWith(expected));
            assertThat(asset.body()).as(file).isNotEmpty();
        }
    }

    @Test
    void startScriptPointsSwaggerUiAtTheApiDocument() throws Exception {
        HttpResponse<String> script = api.get("/docs/swagger-initializer.js", null);

        assertThat(script.body()).contains("url: \"/api-docs\"").doesNotContain("petstore");
    }

    @Test
    void unknownDocsFileIsAProblem() throws Exception {
        HttpResponse<String> missing = api.get("/docs/index.html", null);

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void servicesOfAnApiOnlyProcessListTheApiWithItsDocsAndMetrics() throws Exception {
        HttpResponse<String> services = api.get("/services", null);

        assertThat(services.statusCode()).isEqualTo(200);
        JsonNode body = ApiClient.json(services);
        assertThat(body.path("services")).hasSize(1);
        JsonNode apiRole = body.path("services").get(0);
        assertThat(apiRole.path("role").asText()).isEqualTo("api");
        assertThat(api.get(apiRole.path("docsUrl").asText(), null).statusCode()).isEqualTo(200);
        assertThat(api.get(apiRole.path("openApiUrl").asText(), null).statusCode()).isEqualTo(200);
        assertThat(api.get(apiRole.path("metricsUrl").asText(), null).statusCode()).isEqualTo(200);
        assertThat(body.path("metricsServerPort").isNull()).isTrue();
        assertThat(body.path("startedAt").asText()).isNotBlank();
    }
}
