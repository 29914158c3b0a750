package io.ganaka.sinks;

/** Told about every batch a sink committed, for metrics; called on the sink's thread, so it must be quick. */
@FunctionalInterface
public interface SinkObserver {

    SinkObserver NONE = batch -> { };

    void committed(SinkBatch batch);
}
