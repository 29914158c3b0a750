package io.ganaka.api.imports;

import io.ganaka.api.errors.ValidationException;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Transactions ({@code STMTTRN}) of an OFX or QFX statement, in both dialects: SGML OFX 1.x, whose leaf elements have
 * no end tags, and XML OFX 2.x. One tolerant tag scanner reads both: a leaf's value is the text up to the next tag.
 * {@code CURDEF} gives the currency of the transactions after it, a transaction's own {@code CURSYM} overrides it.
 */
final class OfxRowSource extends ReadAheadRowSource {

    private static final int HEAD_BYTES = 4096;
    private static final Pattern SGML_CHARSET = Pattern.compile("CHARSET:\\s*([A-Za-z0-9-]+)");
    private static final Pattern XML_ENCODING = Pattern.compile("<\\?xml[^>]*encoding=\"([A-Za-z0-9_-]+)\"");

    private final OfxScanner scanner;
    private final AmountSign sign;
    private String defaultCurrency;
    private int number;

    OfxRowSource(InputStream in, ImportOptions options) {
        this.sign = options.signFor(ImportFormat.OFX);
        this.defaultCurrency = options.defaultCurrency();
        BufferedInputStream buffered = new BufferedInputStream(in, HEAD_BYTES);
        this.scanner = new OfxScanner(new BufferedReader(new InputStreamReader(buffered,
                declaredCharset(buffered, options.charset()))));
        if (!scanner.skipTo("OFX")) {
            close();
            throw new ValidationException("file", "is not an OFX file: it has no <OFX> element");
        }
    }

    /**
     * The character set the file's header declares (SGML {@code CHARSET:1252}, XML {@code encoding="..."}) when the
     * options name none but the UTF-8 default: banks often write Windows-1252.
     */
    private static Charset declaredCharset(BufferedInputStream in, Charset fromOptions) {
        if (!fromOptions.equals(StandardCharsets.UTF_8)) {
            return fromOptions;
        }
        try {
            in.mark(HEAD_BYTES);
            String head = new String(in.readNBytes(HEAD_BYTES), StandardCharsets.ISO_8859_1);
            in.reset();
            Matcher sgml = SGML_CHARSET.matcher(head);
            if (sgml.find()) {
                return sgml.group(1).equals("1252") ? Charset.forName("windows-1252")
                        : sgml.group(1).equalsIgnoreCase("ISO-8859-1") ? StandardCharsets.ISO_8859_1 : fromOptions;
            }
            Matcher xml = XML_ENCODING.matcher(head);
            return xml.find() && Charset.isSupported(xml.group(1)) ? Charset.forName(xml.group(1)) : fromOptions;
        } catch (IOException | IllegalArgumentException e) {
            return fromOptions;
        }
    }

    /** The next transaction, noting CURDEF on the way; null at the end of the file. */
    @Override
    ParsedRow readRow() {
        for (OfxScanner.Tag tag = scanner.nextTag(); tag != null; tag = scanner.nextTag()) {
            if (tag.name().equals("CURDEF") && !tag.value().isEmpty()) {
                defaultCurrency = tag.value().toUpperCase(Locale.ROOT);
            } else if (tag.name().equals("STMTTRN") && !tag.closing()) {
                number++;
                return transaction(readFields());
            }
        }
        return null;
    }

    private Map<String, String> readFields() {
        Map<String, String> fields = new HashMap<>();
        for (OfxScanner.Tag tag = scanner.nextTag(); tag != null; tag = scanner.nextTag()) {
            if (tag.name().equals("STMTTRN") && tag.closing()) {
                return fields;
            }
            if (!tag.closing() && !tag.value().isEmpty()) {
                fields.putIfAbsent(tag.name(), tag.value());
            }
        }
        throw new MalformedFileException("the OFX file ends inside transaction " + number);
    }

    private ParsedRow transaction(Map<String, String> f) {
        String posted = f.get("DTPOSTED");
        Optional<LocalDate> day = ofxDate(posted);
        if (day.isEmpty()) {
            return ParsedRow.rejected(number, posted == null ? "DTPOSTED (the date) is missing"
                    : "DTPOSTED " + ImportValues.quote(posted) + " is not an OFX date such as 20260315");
        }
        String amountText = f.get("TRNAMT");
        char separator = amountText != null && amountText.contains(",") && !amountText.contains(".") ? ',' : '.';
        ImportValues.Signed amount = ImportValues.expenseAmount(amountText, separator, sign, "TRNAMT", "");
        if (amount.rejection() != null) {
            return ParsedRow.rejected(number, amount.rejection());
        }
        String name = f.get("NAME");
        String memo = f.get("MEMO");
        String currency = f.getOrDefault("CURSYM", defaultCurrency);
        return new ParsedRow(number, ImportValues.dayInstant(day.get()), amount.amount(), currency,
                name != null ? name : memo, name, null, List.of(), name != null ? memo : null, f.get("FITID"), null);
    }

    /** The day of an OFX date-time (YYYYMMDD, optionally followed by a time and a zone we need not read). */
    private static Optional<LocalDate> ofxDate(String text) {
        if (text == null || text.length() < 8 || !text.substring(0, 8).chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(text.substring(0, 4)),
                    Integer.parseInt(text.substring(4, 6)), Integer.parseInt(text.substring(6, 8))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        scanner.close();
    }

    /** Reads tags and their text: {@code <NAME>value}, {@code </NAME>}; skips {@code <?...?>} and comments. */
    static final class OfxScanner implements AutoCloseable {

        record Tag(String name, boolean closing, String value) {}

        private static final int MAX_TOKEN = 64 * 1024;
        private final BufferedReader reader;
        private int pending = -2;

        OfxScanner(BufferedReader reader) {
            this.reader = reader;
        }

        /** Reads past the first opening tag with this name; false when the file has none. */
        boolean skipTo(String name) {
            for (Tag tag = nextTag(); tag != null; tag = nextTag()) {
                if (tag.name().equals(name) && !tag.closing()) {
                    return true;
                }
            }
            return false;
        }

        /** The next element or end tag with the text that follows it; null at the end of the input. */
        Tag nextTag() {
            try {
                while (true) {
                    int c = read();
                    while (c >= 0 && c != '<') {
                        c = read();
                    }
                    if (c < 0) {
                        return null;
                    }
                    String inside = readUntil('>');
                    if (inside == null) {
                        throw new MalformedFileException("the OFX file ends inside a tag");
                    }
                    if (inside.startsWith("?") || inside.startsWith("!")) {
                        continue;
                    }
                    boolean closing = inside.startsWith("/");
                    String name = (closing ? inside.substring(1) : inside).strip().toUpperCase(Locale.ROOT);
                    if (name.endsWith("/")) {
                        name = name.substring(0, name.length() - 1).strip();
                    }
                    String value = closing ? "" : decode(readText());
                    return new Tag(name, closing, value);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private String readUntil(char end) throws IOException {
            StringBuilder text = new StringBuilder();
            for (int c = read(); c >= 0; c = read()) {
                if (c == end) {
                    return text.toString();
                }
                if (text.length() >= MAX_TOKEN) {
                    throw new MalformedFileException("the OFX file has a tag longer than " + MAX_TOKEN + " characters");
                }
                text.append((char) c);
            }
            return null;
        }

        /** The text before the next tag, which is left to be read. */
        private String readText() throws IOException {
            StringBuilder text = new StringBuilder();
            for (int c = read(); c >= 0; c = read()) {
                if (c == '<') {
                    pending = c;
                    break;
                }
                if (text.length() >= MAX_TOKEN) {
                    throw new MalformedFileException("the OFX file has a value longer than " + MAX_TOKEN
                            + " characters");
                }
                text.append((char) c);
            }
            return text.toString().strip();
        }

        private int read() throws IOException {
            if (pending != -2) {
                int c = pending;
                pending = -2;
                return c;
            }
            return reader.read();
        }

        private static String decode(String text) {
            if (text.indexOf('&') < 0) {
                return text;
            }
            return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                    .replace("&nbsp;", " ").replace("&amp;", "&");
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
}
