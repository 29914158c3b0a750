package io.ganaka.schemas;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a sink announces on {@link Naming#projectedSubject()} once a database commit made events readable:
 * {@code {"sink":"expenses","ids":["<event id>", ...]}}. The API waits on these for {@code Prefer: wait}.
 */
public record ProjectionReport(String sink, List<String> ids) {

    /** Ids per message: about 20 kB, far below NATS's default 1 MB payload limit whatever the batch size. */
    public static final int MAX_IDS = 500;

    public ProjectionReport {
        Objects.requireNonNull(sink, "sink");
        ids = List.copyOf(ids);
    }

    /** The ids as reports of at most {@link #MAX_IDS} ids each, in order; none for no ids. */
    public static List<ProjectionReport> chunked(String sink, List<String> ids) {
        List<ProjectionReport> reports = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += MAX_IDS) {
            reports.add(new ProjectionReport(sink, ids.subList(from, Math.min(ids.size(), from + MAX_IDS))));
        }
        return reports;
    }

    public byte[] encode() {
        try {
            return Json.MAPPER.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            // A name and a list of strings always serialize; failing here means a broken mapper.
            throw new IllegalStateException(e);
        }
    }

    /** @throws EventDecodingException when the bytes are not a report with a sink and a list of ids */
    public static ProjectionReport decode(byte[] data) {
        ProjectionReport report;
        try {
            report = Json.MAPPER.readValue(data, ProjectionReport.class);
        } catch (IOException | NullPointerException e) {
            // NullPointerException: the compact constructor refusing a report without a sink.
            throw new EventDecodingException("not a projection report: " + e.getMessage(), e);
        }
        if (report.ids().stream().anyMatch(Objects::isNull)) {
            throw new EventDecodingException("projection report with a null id");
        }
        return report;
    }
}
