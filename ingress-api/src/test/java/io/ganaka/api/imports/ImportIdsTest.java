package io.ganaka.api.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.schemas.EventIds;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Derived ids: the same for the same import and row, different otherwise, and shaped like UUIDv7. */
class ImportIdsTest {

    private final UUID importId = UUID.fromString(EventIds.newId());

    @Test
    void theSameImportAndRowAlwaysGiveTheSameIds() {
        assertThat(ImportIds.eventId(importId, 7)).isEqualTo(ImportIds.eventId(importId, 7));
        assertThat(ImportIds.expenseId(importId, 7)).isEqualTo(ImportIds.expenseId(importId, 7));
    }

    @Test
    void rowsImportsAndKindsGetDistinctIds() {
        Set<UUID> ids = new HashSet<>();
        UUID other = UUID.fromString(EventIds.newId());
        for (int row = 1; row <= 10_000; row++) {
            ids.add(ImportIds.eventId(importId, row));
            ids.add(ImportIds.expenseId(importId, row));
            ids.add(ImportIds.expenseId(other, row));
        }
        assertThat(ids).hasSize(30_000);
    }

    @Test
    void derivedIdsAreVersion7WithTheImportsTimestamp() {
        UUID id = ImportIds.expenseId(importId, 1);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(importId.getMostSignificantBits() >>> 16);
    }
}
