package io.ganaka.streams.reportupdates;

import io.ganaka.schemas.Event;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Forwards a {@code report.updated} event, keyed by user id, for every record of the three report topics. */
final class ReportChangeProcessor implements Processor<String, Object, String, Event> {

    private ProcessorContext<String, Event> context;

    @Override
    public void init(ProcessorContext<String, Event> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, Object> record) {
        ReportChangeEvents.of(record.value(), record.timestamp())
                .ifPresent(event -> context.forward(new Record<>(event.userId(), event, record.timestamp())));
    }
}
