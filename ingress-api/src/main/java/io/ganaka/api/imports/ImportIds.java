package io.ganaka.api.imports;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Ids of an import's expenses and events, derived from the import id and the row number, so that publishing a batch
 * again yields the same ids and JetStream (event id) and the sinks (expense id) drop the repeat. They keep the
 * UUIDv7 shape: the import's own millisecond timestamp, then 74 bits of a SHA-256 of import id, row and kind.
 */
public final class ImportIds {

    private ImportIds() {}

    public static UUID expenseId(UUID importId, int row) {
        return derive(importId, row, "expense");
    }

    public static UUID eventId(UUID importId, int row) {
        return derive(importId, row, "event");
    }

    private static UUID derive(UUID importId, int row, String kind) {
        ByteBuffer hash = ByteBuffer.wrap(sha256(importId + ":" + row + ":" + kind));
        long millis = importId.getMostSignificantBits() >>> 16;
        long msb = (millis << 16) | 0x7000L | (hash.getShort() & 0x0FFFL);
        long lsb = (hash.getLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
