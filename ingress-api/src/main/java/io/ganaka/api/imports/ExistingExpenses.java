package io.ganaka.api.imports;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Finds the caller's live expenses that an import's rows would duplicate. */
public interface ExistingExpenses {

    /** For each key (by its index in {@code keys}) that matches a live expense of the user, that expense's id. */
    Map<Integer, UUID> matching(UUID userId, List<DuplicateKey> keys) throws SQLException;
}
