package io.ganaka.api.events;

/** The broker's acknowledgement of a stored event; {@code duplicate} when the same event id was stored before. */
public record PublishReceipt(String eventId, String stream, long sequence, boolean duplicate) {}
