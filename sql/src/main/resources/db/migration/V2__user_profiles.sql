-- Profiles: the preferences document (default currency, alert threshold, budgets, notification channels, quiet
-- hours) as the API validated and normalized it. Display name and time zone stay in their own columns.
ALTER TABLE users
    ADD COLUMN preferences JSONB NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(preferences) = 'object');
