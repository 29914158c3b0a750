package io.ganaka.api.imports;

import io.ganaka.api.errors.ValidationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Transactions of a QIF file of type {@code Bank} or {@code CCard}: lines D (date), T or U (amount), P (payee),
 * M (memo), L (category), each record ended by {@code ^}. QIF has no currency, so every row takes the default
 * currency. Dates are read as Quicken writes them (month first; {@code '} before a two-digit year of the 2000s)
 * unless {@link ImportOptions#datePattern()} says otherwise.
 */
final class QifRowSource extends ReadAheadRowSource {

    private enum Line { DATE, AMOUNT, PAYEE, MEMO, CATEGORY }

    private final BufferedReader reader;
    private final ImportOptions options;
    private final DateTimeFormatter dates;
    private final AmountSign sign;
    private int number;

    QifRowSource(InputStream in, ImportOptions options) {
        this.options = options;
        this.dates = options.dateFormatter();
        this.sign = options.signFor(ImportFormat.QIF);
        this.reader = new BufferedReader(new InputStreamReader(in, options.charset()));
        String type = firstTypeLine();
        if (type == null) {
            close();
            throw new ValidationException("file", "is not a QIF file: it has no !Type: line");
        }
        String kind = type.substring("!Type:".length()).strip().toLowerCase(Locale.ROOT);
        if (!kind.equals("bank") && !kind.equals("ccard")) {
            close();
            throw new ValidationException("file", "is a QIF file of type " + ImportValues.quote(kind)
                    + "; only Bank and CCard accounts can be imported");
        }
        if (options.defaultCurrency() == null) {
            close();
            throw new ValidationException("options.defaultCurrency", "is required: QIF files name no currency and"
                    + " your profile names no default currency");
        }
    }

    /** The first {@code !Type:} line; an {@code !Option} line or {@code !Account} block before it is skipped. */
    private String firstTypeLine() {
        for (String line = readLine(); line != null; line = readLine()) {
            String stripped = line.replace("\uFEFF", "").strip();
            if (stripped.regionMatches(true, 0, "!Type:", 0, 6)) {
                return stripped;
            }
        }
        return null;
    }

    @Override
    ParsedRow readRow() {
        Map<Line, String> fields = new EnumMap<>(Line.class);
        boolean any = false;
        for (String line = readLine(); line != null; line = readLine()) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("^")) {
                if (any) {
                    number++;
                    return transaction(fields);
                }
                continue;
            }
            if (line.regionMatches(true, 0, "!Account", 0, 8)) {
                // Another account's header block (name, type, ^): no transaction.
                skipPast("^");
                continue;
            }
            if (line.startsWith("!")) {
                // Another type section or option: its transactions follow the same record rules.
                continue;
            }
            any = true;
            String value = line.substring(1).strip();
            switch (line.charAt(0)) {
                case 'D' -> fields.putIfAbsent(Line.DATE, value);
                case 'T', 'U' -> fields.putIfAbsent(Line.AMOUNT, value);
                case 'P' -> fields.putIfAbsent(Line.PAYEE, value);
                case 'M' -> fields.putIfAbsent(Line.MEMO, value);
                case 'L' -> fields.putIfAbsent(Line.CATEGORY, value);
                default -> {
                    // Cleared status, check number, address, splits: nothing an expense keeps.
                }
            }
        }
        if (any) {
            throw new MalformedFileException("the QIF file ends inside transaction " + (number + 1)
                    + " (no closing ^ line)");
        }
        return null;
    }

    private ParsedRow transaction(Map<Line, String> f) {
        String dateText = f.get(Line.DATE);
        Optional<Instant> date = dates != null ? ImportValues.date(dateText, dates) : quickenDate(dateText);
        if (date.isEmpty()) {
            return ParsedRow.rejected(number, dateText == null ? "date (D line) is missing"
                    : "date " + ImportValues.quote(dateText) + " is not a date such as 3/15/2026 or 3/15'26");
        }
        ImportValues.Signed amount = ImportValues.expenseAmount(f.get(Line.AMOUNT), options.decimalSeparator(), sign,
                "amount", "");
        if (amount.rejection() != null) {
            return ParsedRow.rejected(number, amount.rejection());
        }
        String payee = f.get(Line.PAYEE);
        String memo = f.get(Line.MEMO);
        String category = f.get(Line.CATEGORY);
        // [Account] categories are transfers between accounts, not categories.
        if (category != null && category.startsWith("[")) {
            category = null;
        }
        return new ParsedRow(number, date.get(), amount.amount(), options.defaultCurrency(),
                payee != null ? payee : memo, payee, category, List.of(), payee != null ? memo : null, null, null);
    }

    private void skipPast(String prefix) {
        for (String line = readLine(); line != null && !line.startsWith(prefix); line = readLine()) {
            // Skipped.
        }
    }

    /** Quicken's dates: M/D/YYYY, M/D/YY, M/D'YY (2000s), or ISO YYYY-MM-DD. */
    static Optional<Instant> quickenDate(String text) {
        if (text == null) {
            return Optional.empty();
        }
        boolean apostrophe = text.indexOf('\'') >= 0;
        String[] parts = text.strip().replace('\'', '/').replace(" ", "").split("[/.-]");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            int a = Integer.parseInt(parts[0]);
            int b = Integer.parseInt(parts[1]);
            int c = Integer.parseInt(parts[2]);
            if (parts[0].length() == 4) {
                return Optional.of(ImportValues.dayInstant(LocalDate.of(a, b, c)));
            }
            int year = parts[2].length() > 2 ? c : apostrophe || c < 50 ? 2000 + c : 1900 + c;
            return Optional.of(ImportValues.dayInstant(LocalDate.of(year, a, b)));
        } catch (NumberFormatException | DateTimeException e) {
            return Optional.empty();
        }
    }

    private String readLine() {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            // A reader over a local temporary file; nothing to recover.
        }
    }
}
