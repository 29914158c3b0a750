-- When the default categories and rules were given to the user. Set by the defaults sink in the transaction that
-- creates them, so that a replay of user.registered never creates a default again (not even one the user deleted).
ALTER TABLE users ADD COLUMN defaults_created_at TIMESTAMPTZ;
