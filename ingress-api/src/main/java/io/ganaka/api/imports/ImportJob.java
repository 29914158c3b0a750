package io.ganaka.api.imports;

import io.ganaka.api.errors.FieldError;
import io.ganaka.api.errors.ValidationException;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload.ExpenseAdded;
import io.ganaka.schemas.EventType;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes one import: counts the file's rows (refusing a file over the row limit before anything is published),
 * then reads it in batches; each batch is classified, its imported rows published as {@code expense.added} events,
 * and its outcomes and counters recorded. Any failure ends the import as failed with a reason the user can act on.
 */
final class ImportJob implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ImportJob.class);

    private final ImportTask task;
    private final ImportRepository imports;
    private final ImportLookups lookups;
    private final BatchPublisher publisher;
    private final ImportSettings settings;

    ImportJob(ImportTask task, ImportRepository imports, ImportLookups lookups, BatchPublisher publisher,
              ImportSettings settings) {
        this.task = task;
        this.imports = imports;
        this.lookups = lookups;
        this.publisher = publisher;
        this.settings = settings;
    }

    @Override
    public void run() {
        try {
            imports.markRunning(task.userId(), task.importId());
            imports.setTotalRows(task.userId(), task.importId(), countRows());
            process();
            imports.complete(task.userId(), task.importId());
            LOG.info("event=import.completed import={} user={}", task.importId(), task.userId());
        } catch (ImportFailedException e) {
            fail(e.getMessage());
        } catch (MalformedFileException e) {
            fail("the file is malformed: " + e.getMessage());
        } catch (ValidationException e) {
            fail("the file cannot be read: " + e.errors().stream().map(FieldError::message)
                    .collect(Collectors.joining("; ")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("the server stopped during the import; upload the file again (rows already imported will be"
                    + " reported as duplicates)");
        } catch (Exception e) {
            LOG.error("import {} of user {} failed unexpectedly (request {})", task.importId(), task.userId(),
                    task.correlationId(), e);
            fail("an internal error stopped the import; quote request id " + task.correlationId()
                    + " when reporting it");
        }
    }

    /** The data rows of the file, or a failure as soon as there are more than allowed or the file is malformed. */
    private int countRows() throws ImportFailedException {
        int rows = 0;
        try (RowSource source = RowSources.open(task.format(), task.file(), task.options())) {
            while (source.hasNext()) {
                source.next();
                if (++rows > settings.maxRows()) {
                    throw new ImportFailedException("the file has more than " + settings.maxRows()
                            + " rows; split it into smaller files");
                }
            }
        }
        return rows;
    }

    private void process() throws SQLException, ImportFailedException, InterruptedException {
        RowClassifier classifier = new RowClassifier(task.userId(), task.importId(),
                lookups.categoriesByName(task.userId()), lookups);
        try (RowSource source = RowSources.open(task.format(), task.file(), task.options())) {
            List<ParsedRow> batch = new ArrayList<>(settings.batchSize());
            while (source.hasNext()) {
                batch.add(source.next());
                if (batch.size() == settings.batchSize()) {
                    processBatch(classifier, batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                processBatch(classifier, batch);
            }
        }
    }

    private void processBatch(RowClassifier classifier, List<ParsedRow> batch)
            throws SQLException, ImportFailedException, InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException();
        }
        List<RowOutcome> outcomes = classifier.classify(batch);
        List<Event> events = outcomes.stream()
                .filter(o -> o.outcome() == RowOutcome.Outcome.IMPORTED)
                .map(this::event)
                .toList();
        publisher.publishAll(events);
        imports.recordBatch(task.userId(), task.importId(), outcomes);
    }

    private Event event(RowOutcome imported) {
        var e = imported.expense();
        ExpenseAdded added = new ExpenseAdded(imported.expenseId().toString(), 1, e.amount(), e.currency(),
                e.description(), e.merchant(), e.occurredAt(),
                e.categoryId() == null ? null : e.categoryId().toString(), e.tags(), e.notes());
        return new Event(ImportIds.eventId(task.importId(), imported.row()).toString(),
                EventType.of(added).wireName(), Event.CURRENT_SCHEMA_VERSION, Instant.now(),
                task.userId().toString(), task.correlationId(), added);
    }

    private void fail(String reason) {
        try {
            imports.fail(task.userId(), task.importId(), reason);
            LOG.info("event=import.failed import={} user={} reason=\"{}\"", task.importId(), task.userId(), reason);
        } catch (SQLException e) {
            // The heartbeat stops with this job, so the sweep for abandoned imports will fail it later.
            LOG.warn("could not mark import {} failed: {}", task.importId(), e.toString());
        }
    }
}
