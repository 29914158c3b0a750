package io.ganaka.api.webhooks;

/** Where a webhook delivers and the secret it signs with; never leaves the server. */
record WebhookTarget(String url, String secret) {

    @Override
    public String toString() {
        return "WebhookTarget[url=" + url + "]";
    }
}
