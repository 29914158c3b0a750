package io.ganaka.streams.reports;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Writes a bucket's key as store bytes: each part self-delimiting (texts with their length, numbers of fixed width,
 * an absent text as its own marker), so that no bucket's bytes are a prefix of another's of the same kind and a range
 * over one bucket's bytes never reaches into the next. The user id goes first, so one user's buckets sit together.
 */
final class BucketBytes {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);

    BucketBytes text(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        number(utf8.length);
        bytes.writeBytes(utf8);
        return this;
    }

    /** A text that may be absent (null), kept apart from every present one, the empty text included. */
    BucketBytes optionalText(String value) {
        if (value == null) {
            bytes.write(0);
            return this;
        }
        bytes.write(1);
        return text(value);
    }

    BucketBytes number(int value) {
        bytes.write(value >>> 24);
        bytes.write(value >>> 16);
        bytes.write(value >>> 8);
        bytes.write(value);
        return this;
    }

    byte[] toBytes() {
        return bytes.toByteArray();
    }

    /** The user id a bucket's bytes start with. */
    static String userIdOf(byte[] bucket) {
        int length = ByteBuffer.wrap(bucket).getInt();
        return new String(bucket, Integer.BYTES, length, StandardCharsets.UTF_8);
    }
}
