-- Alerts as the streams role raised them (alert.raised on ganaka.alerts), written by the alerts sink; the API sets
-- dismissed_at. The payload is kept whole (data) so that the dashboard cache can be rebuilt from here. A replayed
-- alert keeps its row as it is: neither its data nor a dismissal changes.
CREATE TABLE alerts (
    user_id      UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    alert_id     UUID        NOT NULL,
    kind         TEXT        NOT NULL,
    data         JSONB       NOT NULL CHECK (jsonb_typeof(data) = 'object'),
    raised_at    TIMESTAMPTZ NOT NULL,
    dismissed_at TIMESTAMPTZ,
    PRIMARY KEY (user_id, alert_id)
);
-- Serves GET /alerts (open first, newest first, keyset-paged) and the dashboard's open alerts.
CREATE INDEX alerts_user_list ON alerts (user_id, (dismissed_at IS NOT NULL), raised_at DESC, alert_id DESC);
