package io.ganaka.api.imports;

import io.ganaka.api.errors.ValidationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Rows of a CSV file with a header line. Columns named like the fields ({@code date}, {@code amount}, ...; any case)
 * need no mapping; {@link ImportOptions#columns()} names the others. Opening reads the header and refuses (400) a
 * file that lacks the date, amount or description column.
 */
final class CsvRowSource implements RowSource {

    private static final char[] CANDIDATE_DELIMITERS = {',', ';', '\t', '|'};
    private static final int HEADER_SNIFF_CHARS = 64 * 1024;

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Map<ImportField, Integer> columns;
    private final ImportOptions options;
    private final DateTimeFormatter dates;
    private final AmountSign sign;
    private int number;

    CsvRowSource(InputStream in, ImportOptions options) {
        this.options = options;
        this.dates = options.dateFormatter();
        this.sign = options.signFor(ImportFormat.CSV);
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, options.charset()));
            skipByteOrderMark(reader);
            char delimiter = options.delimiter() != null ? options.delimiter() : sniffDelimiter(reader);
            CSVFormat format = CSVFormat.RFC4180.builder()
                    .setDelimiter(delimiter)
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true)
                    .setAllowMissingColumnNames(true)
                    .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
                    .setTrim(true)
                    .get();
            this.parser = CSVParser.builder().setReader(reader).setFormat(format).get();
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new ValidationException("file", "cannot be read as CSV: its header line is malformed");
        }
        List<String> header = parser.getHeaderNames();
        if (header.isEmpty()) {
            close();
            throw new ValidationException("file", "is empty: a CSV import needs a header line");
        }
        this.columns = resolveColumns(header, options);
        this.records = parser.iterator();
    }

    @Override
    public boolean hasNext() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new MalformedFileException("the CSV is malformed after row " + number
                    + " (for example an unterminated quote)", e);
        }
    }

    @Override
    public ParsedRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        CSVRecord record = records.next();
        number++;
        return row(record);
    }

    private ParsedRow row(CSVRecord record) {
        String dateText = value(record, ImportField.DATE);
        if (dateText == null) {
            return ParsedRow.rejected(number, "date is required");
        }
        Optional<Instant> date = ImportValues.date(dateText, dates);
        if (date.isEmpty()) {
            return ParsedRow.rejected(number, "date " + ImportValues.quote(dateText) + " is not a date in the form "
                    + (options.datePattern() != null ? options.datePattern() : "2026-03-15 or 2026-03-15T12:00:00Z"));
        }
        char separator = options.decimalSeparator();
        ImportValues.Signed amount = ImportValues.expenseAmount(value(record, ImportField.AMOUNT), separator, sign,
                "amount", " with decimal separator '" + separator + "'");
        if (amount.rejection() != null) {
            return ParsedRow.rejected(number, amount.rejection());
        }
        String currency = value(record, ImportField.CURRENCY);
        String tags = value(record, ImportField.TAGS);
        return new ParsedRow(number, date.get(), amount.amount(),
                currency == null ? options.defaultCurrency() : currency.toUpperCase(Locale.ROOT),
                value(record, ImportField.DESCRIPTION), value(record, ImportField.MERCHANT),
                value(record, ImportField.CATEGORY),
                tags == null ? List.of() : Arrays.stream(tags.split(";")).map(String::strip)
                        .filter(t -> !t.isEmpty()).toList(),
                value(record, ImportField.NOTES), null, null);
    }

    /** The field's value in this record, or null when the column is absent, short or blank. */
    private String value(CSVRecord record, ImportField field) {
        Integer index = columns.get(field);
        if (index == null || index >= record.size()) {
            return null;
        }
        String value = record.get(index);
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // Closing a reader over a local temporary file; nothing to recover.
        }
    }

    private static Map<ImportField, Integer> resolveColumns(List<String> header, ImportOptions options) {
        Map<ImportField, Integer> columns = new EnumMap<>(ImportField.class);
        for (ImportField field : ImportField.values()) {
            String mapped = options.columns().get(field);
            String wanted = mapped != null ? mapped : field.wireName();
            int index = indexOf(header, wanted);
            if (index >= 0) {
                columns.put(field, index);
            } else if (mapped != null) {
                throw new ValidationException("options.columns." + field.wireName(), "names no column of the file;"
                        + " its columns are " + String.join(", ", header.stream().map(ImportValues::quote).toList()));
            }
        }
        for (ImportField required : List.of(ImportField.DATE, ImportField.AMOUNT, ImportField.DESCRIPTION)) {
            if (!columns.containsKey(required)) {
                throw new ValidationException("file", "has no " + required.wireName() + " column: name the columns"
                        + " date, amount, currency, description, merchant, category, tags, notes, or map yours in"
                        + " options.columns");
            }
        }
        if (!columns.containsKey(ImportField.CURRENCY) && options.defaultCurrency() == null) {
            throw new ValidationException("options.defaultCurrency", "is required: the file has no currency column"
                    + " and your profile names no default currency");
        }
        return columns;
    }

    private static int indexOf(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i) != null && header.get(i).strip().equalsIgnoreCase(name.strip())) {
                return i;
            }
        }
        return -1;
    }

    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    /** The candidate delimiter that occurs most often outside quotes in the header line; a comma when none does. */
    private static char sniffDelimiter(BufferedReader reader) throws IOException {
        reader.mark(HEADER_SNIFF_CHARS);
        int[] counts = new int[CANDIDATE_DELIMITERS.length];
        boolean quoted = false;
        for (int i = 0, c = reader.read(); i < HEADER_SNIFF_CHARS && c >= 0; i++, c = reader.read()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            }
            for (int k = 0; k < CANDIDATE_DELIMITERS.length && !quoted; k++) {
                counts[k] += c == CANDIDATE_DELIMITERS[k] ? 1 : 0;
            }
        }
        reader.reset();
        int best = 0;
        for (int k = 1; k < counts.length; k++) {
            best = counts[k] > counts[best] ? k : best;
        }
        return CANDIDATE_DELIMITERS[best];
    }
}
