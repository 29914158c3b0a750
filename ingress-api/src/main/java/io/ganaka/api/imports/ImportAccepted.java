package io.ganaka.api.imports;

/** The 202 answer to an upload: the new import's id and its status, {@code queued}. */
public record ImportAccepted(String id, String status) {}
