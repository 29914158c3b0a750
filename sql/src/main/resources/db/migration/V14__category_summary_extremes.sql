-- The smallest and largest live expense of a category's month, as for monthly_summaries; NULL when count is 0, and on
-- rows written before they existed.
ALTER TABLE category_summaries
    ADD COLUMN min_amount NUMERIC(12, 2),
    ADD COLUMN max_amount NUMERIC(12, 2);
