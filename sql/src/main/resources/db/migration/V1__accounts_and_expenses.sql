-- Accounts: written synchronously by the API. The password hash lives apart from the profile so that
-- reading a user never loads credentials.
CREATE TABLE users (
    id               UUID PRIMARY KEY,
    email            TEXT        NOT NULL,
    email_normalized TEXT        NOT NULL UNIQUE,
    display_name     TEXT,
    timezone         TEXT        NOT NULL DEFAULT 'UTC',
    role             TEXT        NOT NULL DEFAULT 'user' CHECK (role IN ('user', 'admin')),
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE user_passwords (
    user_id       UUID PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    password_hash TEXT        NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE categories (
    user_id     UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    id          UUID        NOT NULL,
    name        TEXT        NOT NULL,
    description TEXT,
    color       TEXT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, id)
);
CREATE UNIQUE INDEX categories_user_name_ci ON categories (user_id, lower(name));

-- Expenses: the projection of expense events, written only by the sinks. Hash-partitioned by owner; Postgres
-- needs the partition key in every unique constraint, hence PRIMARY KEY (user_id, id). A delete keeps the row as
-- a tombstone (deleted = true) so that a late, older version of the expense can never bring it back. A delete that
-- arrives before any version of its expense has no data yet: only tombstones may lack it.
CREATE TABLE expenses (
    user_id        UUID           NOT NULL,
    id             UUID           NOT NULL,
    version        BIGINT         NOT NULL CHECK (version >= 1),
    amount         NUMERIC(12, 2) CHECK (amount > 0),
    currency       CHAR(3),
    description    TEXT,
    merchant       TEXT,
    occurred_at    TIMESTAMPTZ,
    category_id    UUID,
    categorized_by TEXT           NOT NULL DEFAULT 'none'
        CHECK (categorized_by IN ('user', 'rule', 'learned', 'none')),
    tags           TEXT[]         NOT NULL DEFAULT '{}',
    notes          TEXT,
    deleted        BOOLEAN        NOT NULL DEFAULT false,
    created_at     TIMESTAMPTZ    NOT NULL,
    updated_at     TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (user_id, id),
    CONSTRAINT expenses_live_have_data CHECK (
        deleted OR (amount IS NOT NULL AND currency IS NOT NULL AND description IS NOT NULL AND occurred_at IS NOT NULL))
) PARTITION BY HASH (user_id);

DO $$
BEGIN
    FOR i IN 0..15 LOOP
        EXECUTE format(
            'CREATE TABLE expenses_p%s PARTITION OF expenses FOR VALUES WITH (MODULUS 16, REMAINDER %s)', i, i);
    END LOOP;
END
$$;

-- Serves the list endpoint: one user's expenses, newest first, keyset-paginated on (occurred_at, id).
CREATE INDEX expenses_user_occurred ON expenses (user_id, occurred_at DESC, id DESC) WHERE NOT deleted;

-- Monthly totals per user and currency, as the aggregation topology computes them (absolute values).
CREATE TABLE monthly_summaries (
    user_id    UUID           NOT NULL,
    year       INT            NOT NULL,
    month      INT            NOT NULL CHECK (month BETWEEN 1 AND 12),
    currency   CHAR(3)        NOT NULL,
    total      NUMERIC(18, 2) NOT NULL,
    count      BIGINT         NOT NULL CHECK (count >= 0),
    updated_at TIMESTAMPTZ    NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, year, month, currency)
);
