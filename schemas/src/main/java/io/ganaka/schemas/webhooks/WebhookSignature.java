package io.ganaka.schemas.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Ganaka-Signature} header of a webhook delivery: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>}, the MAC
 * keyed with the webhook's secret (its UTF-8 bytes) over {@code "<t>.<raw body>"}. Signing the timestamp with the body
 * lets a receiver refuse replays older than its tolerance window.
 */
public final class WebhookSignature {

    public static final String HEADER = "Ganaka-Signature";
    /** How far a timestamp may be from the receiver's clock, either way, unless a receiver chooses otherwise. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
    private static final String ALGORITHM = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();

    /** What a receiver learns from checking a header. */
    public enum Verdict {
        VALID,
        /** Missing, or not {@code t=<digits>,v1=<64 hex digits>[,v1=...]}. */
        MALFORMED,
        /** Signed too long ago (or too far in the future): possibly a replay. */
        OUTSIDE_TOLERANCE,
        /** No {@code v1} matches: another secret, or a changed body. */
        MISMATCH
    }

    private WebhookSignature() {}

    /** The header value for {@code body} signed at {@code timestamp}. */
    public static String header(String secret, Instant timestamp, byte[] body) {
        long t = timestamp.getEpochSecond();
        return "t=" + t + ",v1=" + HEX.formatHex(mac(secret, t, body));
    }

    /**
     * Checks a received header against the raw body bytes as they arrived (never a re-serialized copy). Every
     * {@code v1} is compared in constant time; several are accepted so that a sender may sign with two secrets.
     */
    public static Verdict verify(String secret, String header, byte[] body, Instant now, Duration tolerance) {
        Parsed parsed = parse(header);
        if (parsed == null) {
            return Verdict.MALFORMED;
        }
        if (Math.abs(now.getEpochSecond() - parsed.timestamp()) > tolerance.toSeconds()) {
            return Verdict.OUTSIDE_TOLERANCE;
        }
        byte[] expected = mac(secret, parsed.timestamp(), body);
        boolean matched = false;
        for (byte[] candidate : parsed.signatures()) {
            // No early exit: the time taken does not tell which candidate matched.
            matched |= MessageDigest.isEqual(expected, candidate);
        }
        return matched ? Verdict.VALID : Verdict.MISMATCH;
    }

    private record Parsed(long timestamp, List<byte[]> signatures) {}

    private static Parsed parse(String header) {
        if (header == null || header.length() > 1_000) {
            return null;
        }
        Long timestamp = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length != 2) {
                return null;
            }
            if (pair[0].equals("t")) {
                if (timestamp != null || !pair[1].matches("\\d{1,12}")) {
                    return null;
                }
                timestamp = Long.parseLong(pair[1]);
            } else if (pair[0].equals("v1")) {
                if (!pair[1].matches("[0-9a-fA-F]{64}")) {
                    return null;
                }
                signatures.add(HEX.parseHex(pair[1]));
            }
            // Other schemes (v2, ...) are skipped, so a later sender can add one without breaking receivers.
        }
        return timestamp == null || signatures.isEmpty() ? null : new Parsed(timestamp, signatures);
    }

    private static byte[] mac(String secret, long timestamp, byte[] body) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("a webhook secret is required");
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // HmacSHA256 is required of every JRE and takes keys of any length.
            throw new IllegalStateException(e);
        }
    }
}
