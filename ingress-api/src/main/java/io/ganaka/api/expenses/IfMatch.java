package io.ganaka.api.expenses;

import io.ganaka.api.errors.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code If-Match} header (RFC 9110 section 13.1.1): {@code *} (any current version) or a list of entity tags.
 * Expense ETags are strong, {@code "<version>"}; If-Match compares strongly, so a weak tag ({@code W/"3"}) never
 * matches, and a tag that is no version of ours (e.g. {@code "abc"}) simply does not match either.
 */
public record IfMatch(boolean any, List<String> strongTags) {

    public static final String HEADER = "If-Match";
    // One entity tag: optional W/ then a quoted string of etagc characters (RFC 9110: no quotes, no controls).
    private static final Pattern TAG = Pattern.compile("\\s*(W/)?\"([\\x21\\x23-\\x7e\\x80-\\xff]*)\"\\s*(,|$)");

    public IfMatch {
        strongTags = List.copyOf(strongTags);
    }

    /** The condition a header value states; null when the header is absent. */
    public static IfMatch parse(String header) {
        if (header == null) {
            return null;
        }
        if (header.strip().equals("*")) {
            return new IfMatch(true, List.of());
        }
        List<String> strong = new ArrayList<>();
        Matcher m = TAG.matcher(header);
        int at = 0;
        while (at < header.length()) {
            if (!m.find(at) || m.start() != at) {
                throw malformed();
            }
            if (m.group(1) == null) {
                strong.add(m.group(2));
            }
            at = m.end();
            if (m.group(3).isEmpty() && at < header.length()) {
                throw malformed();
            }
        }
        if (at == 0 || header.strip().endsWith(",")) {
            throw malformed();
        }
        return new IfMatch(false, strong);
    }

    /** Whether an expense at this version satisfies the condition. */
    public boolean matches(long version) {
        return any || strongTags.contains(Long.toString(version));
    }

    /** The ETag of an expense version, as GET sends it. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    private static ValidationException malformed() {
        return new ValidationException(HEADER, "must be * or entity tags such as \"3\" (the ETag of the expense)");
    }
}
