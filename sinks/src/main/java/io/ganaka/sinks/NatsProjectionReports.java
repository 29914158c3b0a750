package io.ganaka.sinks;

import io.ganaka.schemas.Naming;
import io.ganaka.schemas.ProjectionReport;
import io.nats.client.Connection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes {@link ProjectionReport}s on the NATS core subject {@link Naming#projectedSubject()}, chunked so that no
 * message nears the payload limit. Core NATS, not JetStream: a report matters only to requests waiting right now.
 */
public final class NatsProjectionReports implements ProjectionReports {

    private static final Logger LOG = LoggerFactory.getLogger(NatsProjectionReports.class);

    private final Connection nats;
    private final String subject;

    public NatsProjectionReports(Connection nats, Naming naming) {
        this.nats = nats;
        this.subject = naming.projectedSubject();
    }

    @Override
    public void projected(String sink, List<String> eventIds) {
        for (ProjectionReport report : ProjectionReport.chunked(sink, eventIds)) {
            try {
                nats.publish(subject, report.encode());
            } catch (RuntimeException e) {
                // Thrown when the connection is closed or its reconnect buffer is full; waiting clients time out.
                LOG.debug("sink {} could not report {} projected events: {}", sink, report.ids().size(), e.toString());
            }
        }
    }
}
