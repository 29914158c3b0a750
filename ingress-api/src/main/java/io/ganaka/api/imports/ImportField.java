package io.ganaka.api.imports;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The expense fields a file's columns can fill; the CSV header of an export names exactly these. */
public enum ImportField {
    DATE, AMOUNT, CURRENCY, DESCRIPTION, MERCHANT, CATEGORY, TAGS, NOTES;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The field a column header or mapping key names, ignoring case and surrounding spaces. */
    public static Optional<ImportField> ofName(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.wireName().equals(wanted)).findFirst();
    }
}
