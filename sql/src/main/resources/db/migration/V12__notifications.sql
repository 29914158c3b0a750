-- Notifications: one row per event and channel (email, sms, in-app; webhook later), rendered when the event arrives
-- and delivered by the dispatcher, which is the outbox worker of the sinks role. The row is the retry state, so a
-- restart loses nothing. Hash-partitioned by owner like expenses: the history endpoint names user_id and reads one
-- partition; the dispatcher's claim reads the small partial index of due rows in every partition.
CREATE TABLE notifications (
    user_id         UUID        NOT NULL,
    id              UUID        NOT NULL,
    kind            TEXT        NOT NULL,
    channel         TEXT        NOT NULL CHECK (channel IN ('email', 'sms', 'in-app', 'webhook')),
    status          TEXT        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'skipped')),
    source_event_id UUID        NOT NULL,
    subject         TEXT        NOT NULL,
    body            TEXT        NOT NULL,
    body_html       TEXT,
    recipient       TEXT        NOT NULL,
    attempts        INT         NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    sent_at         TIMESTAMPTZ,
    -- When the notification.sent event of a final status was acknowledged by Kafka; NULL until then, so an event
    -- lost to a crash after the status was written is produced again (same id) rather than never.
    announced_at    TIMESTAMPTZ,
    PRIMARY KEY (user_id, id),
    -- A replay of the input topics inserts nothing new: one notification per user, source event and channel.
    UNIQUE (user_id, source_event_id, channel)
) PARTITION BY HASH (user_id);

DO $$
BEGIN
    FOR i IN 0..15 LOOP
        EXECUTE format(
            'CREATE TABLE notifications_p%s PARTITION OF notifications FOR VALUES WITH (MODULUS 16, REMAINDER %s)',
            i, i);
    END LOOP;
END
$$;

-- The dispatcher's work queue: only pending rows, by due time.
CREATE INDEX notifications_due ON notifications (next_attempt_at) WHERE status = 'pending';

-- Final rows whose notification.sent event is still to be produced.
CREATE INDEX notifications_unannounced ON notifications (user_id) WHERE status <> 'pending' AND announced_at IS NULL;

-- Serves GET /notifications: one user's history, newest first, keyset-paginated on (created_at, id).
CREATE INDEX notifications_user_created ON notifications (user_id, created_at DESC, id DESC);
