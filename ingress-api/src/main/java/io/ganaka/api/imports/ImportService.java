package io.ganaka.api.imports;

import io.ganaka.api.Ids;
import io.ganaka.api.errors.NotFoundException;
import io.ganaka.api.errors.ServiceUnavailableException;
import io.ganaka.api.errors.TooManyRequestsException;
import io.ganaka.api.errors.ValidationException;
import io.ganaka.api.events.EventPublisher;
import io.ganaka.schemas.EventIds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;

/**
 * Bulk imports: accepts an uploaded file after checking that it can be read (format, header, options), hands it to
 * the {@link ImportRunner} and answers at once; reports progress and row outcomes of the caller's own imports only.
 */
public final class ImportService {

    public static final int DEFAULT_PAGE = 100;
    public static final int MAX_PAGE = 1_000;
    private static final Duration BUSY_RETRY_AFTER = Duration.ofSeconds(30);
    private static final int SNIFF_BYTES = 4096;

    private final ImportRepository imports;
    private final ImportLookups lookups;
    private final ImportRunner runner;
    private final BatchPublisher publisher;
    private final ImportSettings settings;

    public ImportService(ImportRepository imports, ImportLookups lookups, ImportRunner runner,
                         EventPublisher publisher, Duration publishTimeout, ImportSettings settings) {
        this.imports = imports;
        this.lookups = lookups;
        this.runner = runner;
        this.settings = settings;
        this.publisher = new BatchPublisher(publisher, settings.maxInFlight(), settings.publishAttempts(),
                publishTimeout);
    }

    /**
     * Takes ownership of the upload's file (deleted when the import ends or is refused) and queues the import.
     *
     * @throws ValidationException       when the file or options cannot be imported (400)
     * @throws TooManyRequestsException  when the user already has their limit of unfinished imports (429)
     * @throws ServiceUnavailableException when this process cannot queue another import (503)
     */
    public ImportAccepted start(String user, ImportUpload upload, String correlationId)
            throws SQLException, IOException {
        UUID userId = UUID.fromString(user);
        UUID importId = UUID.fromString(EventIds.newId());
        ImportTask task = null;
        boolean queued = false;
        try {
            ImportFormat format = format(upload);
            ImportOptions options = upload.options().defaultCurrency() != null ? upload.options()
                    : upload.options().withDefaultCurrency(lookups.defaultCurrency(userId).orElse(null));
            // Reading the head now turns a wrong format, header or option into a 400 instead of a failed import.
            RowSources.open(format, upload.file(), options).close();
            task = new ImportTask(userId, importId, format, upload.file(), options, correlationId);
            if (!runner.tryReserve(userId)) {
                throw new TooManyRequestsException("imports-per-user", BUSY_RETRY_AFTER);
            }
            try {
                imports.insert(userId, importId, format, fileName(upload.fileName()), runner.workerId());
                runner.execute(task, new ImportJob(task, imports, lookups, publisher, settings));
                queued = true;
            } catch (RejectedExecutionException e) {
                imports.delete(userId, importId);
                throw new ServiceUnavailableException("the import queue is full", BUSY_RETRY_AFTER, e);
            } finally {
                if (!queued) {
                    runner.release(userId);
                }
            }
        } finally {
            if (!queued) {
                Files.deleteIfExists(upload.file());
            }
        }
        return new ImportAccepted(importId.toString(), "queued");
    }

    public ImportView get(String user, String importId) throws SQLException {
        return find(user, importId);
    }

    public Page<ImportView> list(String user, String cursor, String limitText) throws SQLException {
        int limit = limit(limitText, 20, 100);
        UUID before = null;
        if (cursor != null) {
            before = Ids.parse(cursor).orElseThrow(() -> new ValidationException("cursor",
                    "is not a cursor from a previous page"));
        }
        List<ImportView> views = imports.list(UUID.fromString(user), before, limit);
        String next = views.size() == limit ? views.get(views.size() - 1).id() : null;
        return new Page<>(views, next);
    }

    public Page<ImportRowView> rows(String user, String importId, String outcomeText, String cursor,
                                    String limitText) throws SQLException {
        RowOutcome.Outcome outcome = outcome(outcomeText);
        int limit = limit(limitText, DEFAULT_PAGE, MAX_PAGE);
        int after = 0;
        if (cursor != null) {
            try {
                after = Integer.parseInt(cursor);
            } catch (NumberFormatException e) {
                after = -1;
            }
            if (after < 0) {
                throw new ValidationException("cursor", "is not a cursor from a previous page");
            }
        }
        ImportView found = find(user, importId);
        List<ImportRowView> rows = imports.rows(UUID.fromString(user), UUID.fromString(found.id()), outcome, after,
                limit);
        String next = rows.size() == limit ? Integer.toString(rows.get(rows.size() - 1).row()) : null;
        return new Page<>(rows, next);
    }

    private ImportView find(String user, String importId) throws SQLException {
        Optional<UUID> id = Ids.parse(importId);
        Optional<ImportView> found = id.isPresent() ? imports.find(UUID.fromString(user), id.get()) : Optional.empty();
        // A malformed id and another user's id answer alike: nothing here for you.
        return found.orElseThrow(() -> new NotFoundException("no import " + importId + " for user " + user));
    }

    /** The format the options name, else the media type declares, else the file name suggests, else the content. */
    private static ImportFormat format(ImportUpload upload) throws IOException {
        if (upload.options().format() != null) {
            return upload.options().format();
        }
        Optional<ImportFormat> declared = upload.mediaType() == null ? Optional.empty()
                : ImportFormat.ofMediaType(upload.mediaType());
        if (declared.isPresent()) {
            return declared.get();
        }
        Optional<ImportFormat> named = ImportFormat.ofFileName(upload.fileName());
        if (named.isPresent()) {
            return named.get();
        }
        try (InputStream in = Files.newInputStream(upload.file())) {
            return ImportFormat.sniff(in.readNBytes(SNIFF_BYTES));
        }
    }

    private static RowOutcome.Outcome outcome(String text) {
        if (text == null) {
            return null;
        }
        try {
            return RowOutcome.Outcome.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("outcome", "must be imported, duplicate or rejected");
        }
    }

    private static int limit(String text, int byDefault, int max) {
        if (text == null) {
            return byDefault;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // Falls through to the field error below.
        }
        throw new ValidationException("limit", "must be a whole number from 1 to " + max);
    }

    private static String fileName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).strip();
        return base.length() > 255 ? base.substring(0, 255) : base;
    }
}
