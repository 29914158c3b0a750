package io.ganaka.api.expenses;

import io.ganaka.api.errors.ValidationException;
import io.ganaka.schemas.Money;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes all of a user's live expenses as CSV, oldest first, streaming from a database cursor so that memory stays
 * constant however many there are. The header is the one an import reads without any mapping, so an export can be
 * imported again as it is: {@code date,amount,currency,description,merchant,category,tags,notes}.
 */
public final class ExpenseExporter {

    public static final String[] HEADER =
            {"date", "amount", "currency", "description", "merchant", "category", "tags", "notes"};

    private final ExpenseExportRepository expenses;

    public ExpenseExporter(ExpenseExportRepository expenses) {
        this.expenses = expenses;
    }

    /**
     * Checks the requested format before anything is written; {@code csv} is the only one and the default.
     *
     * @throws ValidationException for any other format
     */
    public void checkFormat(String format) {
        if (format != null && !format.strip().toLowerCase(Locale.ROOT).equals("csv")) {
            throw new ValidationException("format", "must be csv");
        }
    }

    public void writeCsv(String userId, OutputStream out) throws SQLException, IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
        try {
            expenses.forEachLive(UUID.fromString(userId), row -> {
                try {
                    csv.printRecord(row.occurredAt().toString(),
                            Money.currency(row.currency()).isPresent() ? Money.format(row.amount(), row.currency())
                                    : row.amount().toPlainString(),
                            row.currency(), row.description(), row.merchant(), row.category(),
                            String.join(";", row.tags()), row.notes());
                } catch (IOException e) {
                    // The client went away mid-download; the cursor loop stops here.
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        csv.flush();
    }
}
