-- The installation (GANAKA_PREFIX) a notification belongs to. Installations that share a database each deliver and
-- announce only their own notifications, through their own channels, live subjects and topics.
ALTER TABLE notifications ADD COLUMN namespace TEXT NOT NULL DEFAULT '';

DROP INDEX notifications_due;
CREATE INDEX notifications_due ON notifications (namespace, next_attempt_at) WHERE status = 'pending';
DROP INDEX notifications_unannounced;
CREATE INDEX notifications_unannounced ON notifications (namespace) WHERE status <> 'pending' AND announced_at IS NULL;
