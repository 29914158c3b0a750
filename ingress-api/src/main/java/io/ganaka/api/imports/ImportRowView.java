package io.ganaka.api.imports;

/** One row's outcome as {@code GET /imports/{id}/rows} returns it; {@code row} 1 is the file's first data row. */
public record ImportRowView(int row, String outcome, String expenseId, String reason, String warning) {}
