package io.ganaka.api.dashboard;

import io.ganaka.schemas.LiveMessage;

/** Publishes a live message to every API instance holding a socket of its user. Best effort; never throws. */
public interface LivePublisher {

    LivePublisher NONE = message -> { };

    void publish(LiveMessage message);
}
