package io.ganaka.api.docs;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /services}: the roles running in this process with where their docs and metrics are. Every role of a
 * process shares one metrics registry, which the API serves on its own {@code /metrics}; only the API has HTTP docs.
 * URLs on the API's port are relative to it, so that the answer never echoes the request's {@code Host}.
 */
public final class ServicesHandler {

    private final ServiceDirectory directory;

    public ServicesHandler(ServiceDirectory directory) {
        this.directory = directory;
    }

    /** One running role; {@code docsUrl} and {@code openApiUrl} are null for roles without an HTTP interface. */
    public record Service(String role, String docsUrl, String openApiUrl, String metricsUrl, String healthUrl) {}

    /** The answer: this build's version, when the process started, and its services. */
    public record ServiceList(String version, Instant startedAt, Integer metricsServerPort, List<Service> services) {}

    public void list(Context ctx) {
        ctx.json(describe(directory.current()));
    }

    static ServiceList describe(RunningServices running) {
        List<Service> services = running.roles().stream().map(ServicesHandler::service).toList();
        Integer metricsPort = running.metricsServerPort().isPresent() ? running.metricsServerPort().getAsInt() : null;
        return new ServiceList(ApiVersion.current(), running.startedAt(), metricsPort, services);
    }

    private static Service service(String role) {
        boolean api = role.equals("api");
        return new Service(role, api ? "/docs" : null, api ? "/api-docs" : null, "/metrics", api ? "/health" : null);
    }
}
