package io.ganaka.api.http;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the {@code wait} preference of RFC 7240 {@code Prefer} headers, leniently as the RFC asks: other preferences,
 * parameters and malformed values are ignored, only the first {@code wait} counts, and long waits are capped at
 * {@link #MAX}. {@code wait=0} asks for no waiting.
 */
public final class PreferWait {

    public static final String PREFER = "Prefer";
    public static final String PREFERENCE_APPLIED = "Preference-Applied";
    public static final Duration MAX = Duration.ofSeconds(30);
    private static final Pattern DELTA_SECONDS = Pattern.compile("\\d{1,20}");

    private PreferWait() {}

    /** The wait the request asks for, capped; empty when it asks none (or none that can be read). */
    public static Optional<Duration> of(Context ctx) {
        return parse(Collections.list(ctx.req().getHeaders(PREFER)));
    }

    /** The value of {@code Preference-Applied} for a wait that was honoured. */
    public static String applied(Duration wait) {
        return "wait=" + wait.toSeconds();
    }

    static Optional<Duration> parse(List<String> headerValues) {
        for (String header : headerValues) {
            for (String preference : splitOutsideQuotes(header, ',')) {
                String nameAndValue = splitOutsideQuotes(preference, ';').get(0);
                int eq = nameAndValue.indexOf('=');
                String name = (eq < 0 ? nameAndValue : nameAndValue.substring(0, eq)).strip();
                if (name.toLowerCase(Locale.ROOT).equals("wait")) {
                    // RFC 7240 section 2: of a preference given more than once, only the first instance counts.
                    return eq < 0 ? Optional.empty() : seconds(unquote(nameAndValue.substring(eq + 1).strip()));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Duration> seconds(String value) {
        if (!DELTA_SECONDS.matcher(value).matches()) {
            return Optional.empty();
        }
        // More digits than any sane wait: capped rather than overflowing.
        long seconds = value.length() > 6 ? MAX.toSeconds() : Math.min(Long.parseLong(value), MAX.toSeconds());
        return seconds == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    /** Splits on the separator except inside a quoted string (which may hold commas and semicolons). */
    private static List<String> splitOutsideQuotes(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && quoted && i + 1 < text.length()) {
                part.append(c);
                c = text.charAt(++i);
            } else if (c == separator && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
                continue;
            }
            part.append(c);
        }
        parts.add(part.toString());
        return parts;
    }
}
