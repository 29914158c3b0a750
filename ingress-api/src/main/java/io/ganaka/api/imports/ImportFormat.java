package io.ganaka.api.imports;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** The file formats an import reads: CSV, OFX/QFX (SGML 1.x and XML 2.x) and QIF. */
public enum ImportFormat {
    CSV, OFX, QIF;

    /** The name used in options, URLs and the {@code imports} table. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format an option names ({@code csv}, {@code ofx}, {@code qfx}, {@code qif}), if any. */
    public static Optional<ImportFormat> ofName(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "csv" -> Optional.of(CSV);
            case "ofx", "qfx" -> Optional.of(OFX);
            case "qif" -> Optional.of(QIF);
            default -> Optional.empty();
        };
    }

    /**
     * The format a media type declares; empty for types that say nothing about the content (text/plain,
     * application/octet-stream), which are sniffed instead.
     */
    public static Optional<ImportFormat> ofMediaType(String mediaType) {
        return switch (mediaType) {
            case "text/csv", "application/csv", "text/comma-separated-values", "application/vnd.ms-excel" ->
                    Optional.of(CSV);
            case "application/x-ofx", "application/ofx", "application/vnd.intu.qfx", "application/x-qfx" ->
                    Optional.of(OFX);
            case "application/qif", "application/x-qif", "text/qif", "text/x-qif" -> Optional.of(QIF);
            default -> Optional.empty();
        };
    }

    /** The format a file name's extension suggests, if it has a known one. */
    public static Optional<ImportFormat> ofFileName(String fileName) {
        if (fileName == null || fileName.lastIndexOf('.') < 0) {
            return Optional.empty();
        }
        return ofName(fileName.substring(fileName.lastIndexOf('.') + 1));
    }

    /** Guesses from the first bytes of a file: OFX headers or tags, a QIF {@code !} line, and CSV otherwise. */
    public static ImportFormat sniff(byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1).replace("\u00EF\u00BB\u00BF", "").stripLeading();
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.startsWith("OFXHEADER") || upper.startsWith("<OFX") || upper.startsWith("<?XML") && upper.contains("<OFX")
                || upper.startsWith("<?OFX")) {
            return OFX;
        }
        if (upper.startsWith("!TYPE:") || upper.startsWith("!OPTION") || upper.startsWith("!ACCOUNT")) {
            return QIF;
        }
        return CSV;
    }
}
