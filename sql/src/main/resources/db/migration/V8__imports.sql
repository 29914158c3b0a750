-- Bulk imports: one row per uploaded file with its progress, written by the API process that runs the import.
-- worker_id names that process and heartbeat_at is refreshed while it works, so that an import whose process died
-- can be told apart from one that is merely long, and marked failed.
CREATE TABLE imports (
    user_id        UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    id             UUID        NOT NULL,
    status         TEXT        NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed')),
    format         TEXT        NOT NULL CHECK (format IN ('csv', 'ofx', 'qif')),
    file_name      TEXT,
    total_rows     INT CHECK (total_rows >= 0),
    processed_rows INT         NOT NULL DEFAULT 0 CHECK (processed_rows >= 0),
    imported       INT         NOT NULL DEFAULT 0 CHECK (imported >= 0),
    duplicates     INT         NOT NULL DEFAULT 0 CHECK (duplicates >= 0),
    rejected       INT         NOT NULL DEFAULT 0 CHECK (rejected >= 0),
    warnings       INT         NOT NULL DEFAULT 0 CHECK (warnings >= 0),
    failure_reason TEXT,
    worker_id      UUID        NOT NULL,
    heartbeat_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at     TIMESTAMPTZ,
    finished_at    TIMESTAMPTZ,
    PRIMARY KEY (user_id, id),
    CHECK ((status = 'failed') = (failure_reason IS NOT NULL))
);
-- Import ids are UUIDv7, so id order is creation order: the list endpoint pages on (user_id, id DESC).
-- The partial index serves the sweep that fails imports abandoned by a crashed process.
CREATE INDEX imports_unfinished ON imports (heartbeat_at) WHERE status IN ('queued', 'running');

-- What became of each row of an imported file (row 1 is the first data row). expense_id is the new expense of an
-- imported row, or the existing expense a duplicate repeats; warning notes what was dropped (an unknown category).
CREATE TABLE import_rows (
    user_id    UUID NOT NULL,
    import_id  UUID NOT NULL,
    row_number INT  NOT NULL CHECK (row_number >= 1),
    outcome    TEXT NOT NULL CHECK (outcome IN ('imported', 'duplicate', 'rejected')),
    expense_id UUID,
    reason     TEXT,
    warning    TEXT,
    PRIMARY KEY (user_id, import_id, row_number),
    FOREIGN KEY (user_id, import_id) REFERENCES imports (user_id, id) ON DELETE CASCADE
);
CREATE INDEX import_rows_outcome ON import_rows (user_id, import_id, outcome, row_number);

-- Duplicate detection for imports: a batch of rows is matched against the user's live expenses by amount and
-- description (then by day); without this index each batch would read all of the user's expenses.
CREATE INDEX expenses_user_amount_description ON expenses (user_id, amount, lower(description)) WHERE NOT deleted;
