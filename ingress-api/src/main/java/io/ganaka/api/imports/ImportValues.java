package io.ganaka.api.imports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the amounts and dates that files write in many ways. A date without a time becomes noon UTC of that day, so
 * the day stays the same in every time zone from UTC-11 to UTC+11.
 */
public final class ImportValues {

    private static final Pattern PLAIN = Pattern.compile("-?\\d{1,20}(\\.\\d{1,20})?");
    private static final LocalTime DAY_TIME = LocalTime.NOON;

    private ImportValues() {}

    /** The instant a date-only value stands for. */
    public static Instant dayInstant(LocalDate day) {
        return day.atTime(DAY_TIME).toInstant(ZoneOffset.UTC);
    }

    /**
     * A number written with {@code decimalSeparator} and optionally grouped by the other separator, spaces or
     * apostrophes; a leading or trailing minus or parentheses make it negative. Empty when it is no number.
     */
    public static Optional<BigDecimal> amount(String text, char decimalSeparator) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip().replace("\u00A0", "").replace("\u202F", "").replace(" ", "").replace("'", "");
        boolean negative = false;
        if (s.startsWith("(") && s.endsWith(")")) {
            negative = true;
            s = s.substring(1, s.length() - 1);
        }
        if (s.startsWith("-") || s.startsWith("\u2212")) {
            negative = !negative;
            s = s.substring(1);
        } else if (s.startsWith("+")) {
            s = s.substring(1);
        } else if (s.endsWith("-")) {
            negative = !negative;
            s = s.substring(0, s.length() - 1);
        }
        char group = decimalSeparator == ',' ? '.' : ',';
        s = s.replace(String.valueOf(group), "");
        if (decimalSeparator == ',') {
            s = s.replace(',', '.');
        }
        if (!PLAIN.matcher(s).matches()) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(s);
        return Optional.of(negative ? value.negate() : value);
    }

    /**
     * A date or date-time: with {@code format}, whatever the pattern holds (a date, a local date-time taken as UTC,
     * or a date-time with offset); without, ISO-8601 in the same three shapes. Empty when it cannot be read.
     */
    public static Optional<Instant> date(String text, DateTimeFormatter format) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = text.strip();
        try {
            if (format != null) {
                TemporalAccessor parsed = format.parseBest(s, OffsetDateTime::from, LocalDateTime::from,
                        LocalDate::from);
                return Optional.of(instant(parsed));
            }
            if (s.length() == 10) {
                return Optional.of(dayInstant(LocalDate.parse(s)));
            }
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(s, OffsetDateTime::from,
                    LocalDateTime::from);
            return Optional.of(instant(parsed));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Instant instant(TemporalAccessor parsed) {
        if (parsed instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (parsed instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        return dayInstant((LocalDate) parsed);
    }

    /**
     * The expense amount a signed file amount stands for, or the reason it is none: under {@link AmountSign#BANK} a
     * debit (negative) becomes its absolute value and a credit is rejected; zero and {@code EXPENSE} amounts pass
     * unchanged, for the expense rules to judge.
     */
    public static Signed sign(BigDecimal raw, AmountSign sign) {
        if (sign == AmountSign.BANK) {
            if (raw.signum() > 0) {
                return new Signed(null, "not an expense (credit)");
            }
            return new Signed(raw.negate().toPlainString(), null);
        }
        return new Signed(raw.toPlainString(), null);
    }

    /**
     * A file's amount text read ({@link #amount}) and signed ({@link #sign}): the expense amount or the reason it is
     * none; no text gives neither. {@code name} and {@code hint} word the reason when the text is no number.
     */
    public static Signed expenseAmount(String text, char decimalSeparator, AmountSign sign, String name,
                                       String hint) {
        if (text == null) {
            return new Signed(null, null);
        }
        Optional<BigDecimal> raw = amount(text, decimalSeparator);
        if (raw.isEmpty()) {
            return new Signed(null, name + " " + quote(text) + " is not a number" + hint);
        }
        return sign(raw.get(), sign);
    }

    /** An expense amount as a plain decimal string, or the reason a row has none. */
    public record Signed(String amount, String rejection) {}

    /** A value's text for a message: quoted and cut short, so a reason never carries a whole line of a file. */
    public static String quote(String value) {
        String v = value == null ? "" : value.strip();
        return "'" + (v.length() > 40 ? v.substring(0, 40) + "…" : v) + "'";
    }
}
