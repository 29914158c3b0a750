-- Outgoing webhooks: per-user URLs subscribed to chosen event types. The secret signs every delivery
-- (Ganaka-Signature, HMAC-SHA256), so it is kept as it is: the API shows it once, when the webhook is created or its
-- secret rotated, and never again. event_types holds wire names from the fixed subscribable list the API checks.
-- At most 10 webhooks a user (checked by the API under the user's lock).
CREATE TABLE webhooks (
    user_id     UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    id          UUID        NOT NULL,
    url         TEXT        NOT NULL CHECK (length(url) BETWEEN 1 AND 2048),
    secret      TEXT        NOT NULL CHECK (length(secret) >= 32),
    event_types TEXT[]      NOT NULL CHECK (cardinality(event_types) >= 1),
    active      BOOLEAN     NOT NULL DEFAULT true,
    description TEXT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, id)
);

-- Each attempt to deliver to a webhook: the test deliveries of the API and, later, the dispatcher's. A delivery keeps
-- its id across retries (the Ganaka-Delivery-Id header), so an attempt is (delivery_id, attempt).
CREATE TABLE webhook_deliveries (
    user_id      UUID        NOT NULL,
    webhook_id   UUID        NOT NULL,
    delivery_id  UUID        NOT NULL,
    attempt      INT         NOT NULL CHECK (attempt >= 1),
    event_id     TEXT        NOT NULL,
    event_type   TEXT        NOT NULL,
    outcome      TEXT        NOT NULL CHECK (outcome IN ('sent', 'retry', 'failed')),
    status_code  INT CHECK (status_code BETWEEN 100 AND 599),
    duration_ms  BIGINT      NOT NULL CHECK (duration_ms >= 0),
    error        TEXT,
    attempted_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, webhook_id, delivery_id, attempt),
    FOREIGN KEY (user_id, webhook_id) REFERENCES webhooks (user_id, id) ON DELETE CASCADE
);
-- The newest attempts of a webhook first: history reads, and pruning all but the newest.
CREATE INDEX webhook_deliveries_recent ON webhook_deliveries (user_id, webhook_id, attempted_at DESC);
