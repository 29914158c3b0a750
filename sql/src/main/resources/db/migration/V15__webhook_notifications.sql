-- Webhook deliveries are notifications too: one row per event and subscribed webhook, its recipient the webhook id
-- and its body the event envelope to send. A user may have several webhooks wanting the same event, so for webhook
-- rows the recipient joins the uniqueness; other channels keep one row per user, event and channel, whatever
-- address they were sent to (a changed e-mail address must not make a replay send again). A unique index on a
-- partitioned table must contain the partition key, so both start with user_id; ON CONFLICT DO NOTHING in the intake
-- keeps meaning "a replay inserts nothing" for either.
ALTER TABLE notifications DROP CONSTRAINT notifications_user_id_source_event_id_channel_key;

CREATE UNIQUE INDEX notifications_once_per_channel ON notifications (user_id, source_event_id, channel)
    WHERE channel <> 'webhook';

CREATE UNIQUE INDEX notifications_once_per_webhook ON notifications (user_id, source_event_id, recipient)
    WHERE channel = 'webhook';
