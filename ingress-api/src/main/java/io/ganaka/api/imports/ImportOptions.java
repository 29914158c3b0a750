package io.ganaka.api.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ganaka.api.errors.FieldError;
import io.ganaka.api.errors.ValidationException;
import io.ganaka.schemas.Money;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How to read an uploaded file, as the {@code options} part (JSON) or the query parameters of a raw upload say.
 * Every option is optional; {@link #from(JsonNode)} reports every invalid one at once, as {@code options.<name>}.
 *
 * @param format       the file's format; null: from the content type, the file name or the content itself
 * @param columns      which CSV column fills which field, for headers that do not name the fields themselves
 * @param datePattern  a {@link DateTimeFormatter} pattern for dates (CSV, QIF); null: ISO-8601 (CSV), M/d/y (QIF)
 * @param decimalSeparator {@code .} or {@code ,}; the other one is then taken as a digit-group separator
 * @param defaultCurrency  the currency of rows that name none (QIF always, CSV without a currency column)
 * @param delimiter    the CSV delimiter; null: whichever of {@code , ; TAB |} the header line uses most
 * @param amountSign   null: {@code EXPENSE} for CSV, {@code BANK} for OFX and QIF
 * @param charset      the file's character set; UTF-8 unless said otherwise
 */
public record ImportOptions(ImportFormat format, Map<ImportField, String> columns, String datePattern,
                            char decimalSeparator, String defaultCurrency, Character delimiter, AmountSign amountSign,
                            Charset charset) {

    public static final ImportOptions DEFAULTS =
            new ImportOptions(null, Map.of(), null, '.', null, null, null, StandardCharsets.UTF_8);

    private static final Set<String> NAMES = Set.of("format", "columns", "dateFormat", "decimalSeparator",
            "defaultCurrency", "delimiter", "amountSign", "charset");

    public ImportOptions {
        columns = Map.copyOf(columns);
    }

    /** The date formatter of {@link #datePattern}, strict about day and month, or null when there is no pattern. */
    public DateTimeFormatter dateFormatter() {
        return datePattern == null ? null : strictFormatter(datePattern);
    }

    /** The sign convention in effect for a file of this format. */
    public AmountSign signFor(ImportFormat fileFormat) {
        return amountSign != null ? amountSign : fileFormat == ImportFormat.CSV ? AmountSign.EXPENSE : AmountSign.BANK;
    }

    public ImportOptions withDefaultCurrency(String currency) {
        return new ImportOptions(format, columns, datePattern, decimalSeparator, currency, delimiter, amountSign,
                charset);
    }

    /** Reads options from a JSON object; a missing or null node means the defaults. */
    public static ImportOptions from(JsonNode node) {
        if (node == null || node.isNull()) {
            return DEFAULTS;
        }
        if (!(node instanceof ObjectNode object)) {
            throw new ValidationException("options", "must be a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!NAMES.contains(name)) {
                errors.add(new FieldError("options." + name, "is not an import option; known are " + sorted()));
            }
        }
        ImportFormat format = text(object, "format", errors) == null ? null
                : ImportFormat.ofName(object.get("format").asText()).orElseGet(() -> reject(errors, "format",
                "must be csv, ofx, qfx or qif"));
        Map<ImportField, String> columns = columns(object.get("columns"), errors);
        String datePattern = datePattern(text(object, "dateFormat", errors), errors);
        char decimal = decimalSeparator(text(object, "decimalSeparator", errors), errors);
        String currency = currency(text(object, "defaultCurrency", errors), errors);
        Character delimiter = delimiter(text(object, "delimiter", errors), errors);
        AmountSign sign = amountSign(text(object, "amountSign", errors), errors);
        Charset charset = charset(text(object, "charset", errors), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new ImportOptions(format, columns, datePattern, decimal, currency, delimiter, sign, charset);
    }

    private static String sorted() {
        return String.join(", ", NAMES.stream().sorted().toList());
    }

    private static String text(ObjectNode object, String name, List<FieldError> errors) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            return reject(errors, name, "must be a string");
        }
        return node.textValue();
    }

    private static Map<ImportField, String> columns(JsonNode node, List<FieldError> errors) {
        Map<ImportField, String> columns = new EnumMap<>(ImportField.class);
        if (node == null || node.isNull()) {
            return columns;
        }
        if (!node.isObject()) {
            return reject(errors, "columns", "must be an object such as {\"date\":\"Buchungstag\"}");
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String field = "columns." + entry.getKey();
            var target = ImportField.ofName(entry.getKey());
            if (target.isEmpty()) {
                reject(errors, field, "is not a field; map date, amount, currency, description, merchant,"
                        + " category, tags or notes");
            } else if (!entry.getValue().isTextual() || entry.getValue().textValue().isBlank()) {
                reject(errors, field, "must name a column of the file");
            } else if (columns.put(target.get(), entry.getValue().textValue().strip()) != null) {
                reject(errors, field, "is mapped twice");
            }
        }
        return columns;
    }

    private static String datePattern(String pattern, List<FieldError> errors) {
        if (pattern == null) {
            return null;
        }
        try {
            strictFormatter(pattern);
            return pattern;
        } catch (IllegalArgumentException | ClassCastException e) {
            // ClassCastException: the JDK's pattern parser fails so on a padded field followed by an adjacent value
            // ("pdMM"), a pattern it should refuse as invalid.
            return reject(errors, "dateFormat", "must be a date pattern such as dd.MM.yyyy");
        }
    }

    /**
     * A formatter that refuses impossible dates (31.02.) instead of adjusting them. Strict resolving needs the
     * proleptic year {@code u}: {@code y} (year of era) alone would need an era, so it is read as {@code u}.
     */
    private static DateTimeFormatter strictFormatter(String pattern) {
        StringBuilder proleptic = new StringBuilder();
        boolean quoted = false;
        for (char c : pattern.toCharArray()) {
            quoted ^= c == '\'';
            proleptic.append(!quoted && c == 'y' ? 'u' : c);
        }
        return DateTimeFormatter.ofPattern(proleptic.toString(), Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }

    private static char decimalSeparator(String text, List<FieldError> errors) {
        if (text == null) {
            return '.';
        }
        if (!text.equals(".") && !text.equals(",")) {
            reject(errors, "decimalSeparator", "must be \".\" or \",\"");
            return '.';
        }
        return text.charAt(0);
    }

    private static String currency(String code, List<FieldError> errors) {
        if (code == null) {
            return null;
        }
        return Money.currency(code.strip()).isPresent() ? code.strip()
                : reject(errors, "defaultCurrency", "must be an ISO 4217 code such as EUR");
    }

    private static Character delimiter(String text, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        String value = text.equals("\\t") || text.equalsIgnoreCase("tab") ? "\t" : text;
        if (value.length() != 1 || value.charAt(0) == '"' || value.charAt(0) == '\n' || value.charAt(0) == '\r') {
            return reject(errors, "delimiter", "must be one character such as , or ; (or \\t for tab)");
        }
        return value.charAt(0);
    }

    private static AmountSign amountSign(String text, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "expense" -> AmountSign.EXPENSE;
            case "bank" -> AmountSign.BANK;
            default -> reject(errors, "amountSign", "must be expense (amounts are positive expenses) or bank"
                    + " (debits are negative)");
        };
    }

    private static Charset charset(String name, List<FieldError> errors) {
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalArgumentException e) {
            reject(errors, "charset", "must be a character set such as UTF-8 or ISO-8859-1");
            return StandardCharsets.UTF_8;
        }
    }

    private static <T> T reject(List<FieldError> errors, String option, String message) {
        errors.add(new FieldError("options." + option, message));
        return null;
    }
}
