-- Where each report row's value was read (partition and offset of its report topic). A sink applies a total only from a
-- later offset of the same partition, so replaying a report topic from offset 0 never writes an older total over a
-- newer one, not even for a moment, and leaves every row (updated_at included) as it was. NULL on rows written before.
ALTER TABLE monthly_summaries
    ADD COLUMN source_partition INT,
    ADD COLUMN source_offset BIGINT;
ALTER TABLE category_summaries
    ADD COLUMN source_partition INT,
    ADD COLUMN source_offset BIGINT;
ALTER TABLE user_summaries
    ADD COLUMN source_partition INT,
    ADD COLUMN source_offset BIGINT;
