package io.ganaka.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * What travels on {@link Naming#liveSubject(String)} (NATS core) to every API instance holding a dashboard socket of
 * that user, and from there unchanged to the browser. {@code type}: {@code dashboard.changed} (the sink updated the
 * cached dashboard; {@code data} is what changed), {@code notification} (an in-app notification), or
 * {@code snapshot} (sent by the API itself when a socket opens or resumes; {@code data} is the whole dashboard).
 * {@code correlationId} is the request that caused it, when known.
 */
public record LiveMessage(String type, String userId, String correlationId, JsonNode data) {

    public LiveMessage {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(userId, "userId");
    }
}
