package io.ganaka.api.docs;

/** The handlers of the API's own description: the OpenAPI document, Swagger UI and the services of this process. */
public record DocsRoutes(OpenApiDocument openApi, SwaggerUi swaggerUi, ServicesHandler services) {

    /** The docs routes of a server whose process runs what {@code directory} says. */
    public static DocsRoutes of(ServiceDirectory directory) {
        return new DocsRoutes(OpenApiDocument.bundled(), new SwaggerUi(), new ServicesHandler(directory));
    }
}
