package io.ganaka.api.events;

/** A durable event and whether the sink the caller waited for reported it projected in time. */
public record Published(PublishReceipt receipt, boolean projected) {}
