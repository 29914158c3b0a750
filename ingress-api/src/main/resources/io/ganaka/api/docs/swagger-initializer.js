// Starts Swagger UI on the API's own OpenAPI document; a file, not an inline script, so the page's CSP needs no
// 'unsafe-inline' for scripts.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "/api-docs",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "StandaloneLayout"
  });
};
