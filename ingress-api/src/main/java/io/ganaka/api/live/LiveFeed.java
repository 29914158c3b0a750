package io.ganaka.api.live;

import io.nats.client.Connection;

/**
 * What the API needs for live pushes: the NATS connection whose core subjects carry them (null: no pushes, sockets
 * get their snapshot only) and the socket limits.
 */
public record LiveFeed(Connection nats, LiveSettings settings) {

    public static LiveFeed disabled() {
        return new LiveFeed(null, LiveSettings.DEFAULTS);
    }
}
