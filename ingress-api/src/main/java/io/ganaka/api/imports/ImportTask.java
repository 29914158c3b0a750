package io.ganaka.api.imports;

import java.nio.file.Path;
import java.util.UUID;

/**
 * An accepted upload waiting to be processed: the spooled file (deleted when the import ends) and how to read it,
 * with the default currency already resolved from the options or the user's profile.
 */
public record ImportTask(UUID userId, UUID importId, ImportFormat format, Path file, ImportOptions options,
                         String correlationId) {}
