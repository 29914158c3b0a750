-- The version whose data (amount, currency, description, ...) a row holds. A live row holds its own version's data;
-- a tombstone holds the data of the newest non-delete version seen, or none yet (NULL). Keeping it lets the sink fill
-- a tombstone from the newest version whatever order versions arrive in, so a replay converges on the same row.
ALTER TABLE expenses ADD COLUMN data_version BIGINT;
UPDATE expenses SET data_version = CASE WHEN deleted THEN version - 1 ELSE version END WHERE amount IS NOT NULL;
