-- Categorization rules per user, as rule.changed carries them. The definition (match, conditions, actions,
-- stopProcessing) is the validated RuleDefinition as JSON; name and priority are columns so that lists sort in SQL.
-- Rules run in ascending priority, ties broken by creation time, then id.
CREATE TABLE category_rules (
    user_id    UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    id         UUID        NOT NULL,
    name       TEXT        NOT NULL,
    priority   INT         NOT NULL,
    definition JSONB       NOT NULL CHECK (jsonb_typeof(definition) = 'object'),
    is_default BOOLEAN     NOT NULL DEFAULT false,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, id)
);
CREATE INDEX category_rules_user_order ON category_rules (user_id, priority, created_at, id);

-- Categories created with the account (the default set) are marked, so a client can tell them apart.
ALTER TABLE categories ADD COLUMN is_default BOOLEAN NOT NULL DEFAULT false;

-- Monthly budgets per category (category_id NULL: all spending) and currency. year = 0 AND month = 0 is the
-- recurring monthly default that applies to every month without budgets of its own.
CREATE TABLE budgets (
    user_id     UUID           NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    year        INT            NOT NULL,
    month       INT            NOT NULL,
    category_id UUID,
    currency    CHAR(3)        NOT NULL,
    amount      NUMERIC(12, 2) NOT NULL CHECK (amount > 0),
    updated_at  TIMESTAMPTZ    NOT NULL DEFAULT now(),
    CHECK ((year = 0 AND month = 0) OR (year BETWEEN 1970 AND 9999 AND month BETWEEN 1 AND 12))
);
CREATE UNIQUE INDEX budgets_one_per_item
    ON budgets (user_id, year, month, COALESCE(category_id, '00000000-0000-0000-0000-000000000000'), currency);
