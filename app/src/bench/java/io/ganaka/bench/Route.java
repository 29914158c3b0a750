package io.ganaka.bench;

import java.net.http.HttpRequest;

/** The API routes the load drives, each with its own latency histogram. */
enum Route {
    POST_EXPENSES("POST /expenses"),
    GET_DASHBOARD("GET /dashboard"),
    GET_EXPENSES("GET /expenses");

    private final String label;

    Route(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** One request of a route. */
    record Call(Route route, HttpRequest request) {}
}
