package io.ganaka.bench;

/** The API routes the load drives, each with its own latency histogram; the label names its Gatling request too. */
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
}
