-- Reports the aggregation topology keeps current (absolute values, written only by the sinks). A total that fell to
-- zero stays as a row with count 0; readers leave such rows out.

-- The smallest and largest live expense of the month; NULL when count is 0, and on rows written before they existed.
ALTER TABLE monthly_summaries
    ADD COLUMN min_amount NUMERIC(12, 2),
    ADD COLUMN max_amount NUMERIC(12, 2);

-- Monthly totals per user, category and currency; category_id NULL is "Uncategorized". A deleted category's id keeps
-- its rows (no FK to categories): its expenses move to Uncategorized by events, which bring its totals to zero.
CREATE TABLE category_summaries (
    user_id     UUID           NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    year        INT            NOT NULL,
    month       INT            NOT NULL CHECK (month BETWEEN 1 AND 12),
    category_id UUID,
    currency    CHAR(3)        NOT NULL,
    total       NUMERIC(18, 2) NOT NULL,
    count       BIGINT         NOT NULL CHECK (count >= 0),
    updated_at  TIMESTAMPTZ    NOT NULL DEFAULT now()
);
-- One row per item (a NULL category counts as one value, as in budgets); also serves reading one user's month.
CREATE UNIQUE INDEX category_summaries_one_per_item
    ON category_summaries (user_id, year, month, COALESCE(category_id, '00000000-0000-0000-0000-000000000000'),
                           currency);

-- Running all-time totals per user and currency.
CREATE TABLE user_summaries (
    user_id    UUID           NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    currency   CHAR(3)        NOT NULL,
    total      NUMERIC(18, 2) NOT NULL,
    count      BIGINT         NOT NULL CHECK (count >= 0),
    min_amount NUMERIC(12, 2),
    max_amount NUMERIC(12, 2),
    updated_at TIMESTAMPTZ    NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, currency)
);
