package io.ganaka.app.reconcile;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * An order-independent digest of a set of expenses (id and version): the sum, modulo 2^128, of the first 128 bits of
 * each member's SHA-256. Equal sets give equal digests whatever order they are added in; a member more, less or at
 * another version changes it. Not thread-safe.
 */
final class IdDigest {

    private final MessageDigest sha256;
    private long high;
    private long low;

    IdDigest() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException(e);
        }
    }

    void add(UUID id, long version) {
        byte[] hash = sha256.digest((id + ":" + version).getBytes(StandardCharsets.US_ASCII));
        ByteBuffer bits = ByteBuffer.wrap(hash);
        long addHigh = bits.getLong();
        long addLow = bits.getLong();
        long sum = low + addLow;
        long carry = Long.compareUnsigned(sum, low) < 0 ? 1 : 0;
        low = sum;
        high = high + addHigh + carry;
    }

    /** 32 lower-case hex digits. */
    String hex() {
        return String.format("%016x%016x", high, low);
    }
}
