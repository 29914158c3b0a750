package io.ganaka.streams.reports;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Every live expense amount of every bucket, in an ordered store: one empty-valued entry per expense whose key is
 * (bucket bytes, amount in minor units, expense id). The amount is written big-endian with its sign bit flipped, so the
 * stores' unsigned byte order is numeric order, negatives first; the expense id keeps equal amounts of different
 * expenses apart. An expense entering or leaving a bucket touches one entry, and the smallest and largest amounts of
 * a bucket are the first and last entries of its range: one seek each, whatever the bucket's size.
 */
final class AmountIndex {

    private static final byte[] NOTHING = new byte[0];
    private static final int AMOUNT_BYTES = Long.BYTES;
    /** Past the last entry of any bucket: 0xFF never occurs in UTF-8, so no expense id reaches it. */
    private static final byte[] PAST_EVERY_ENTRY = filled(AMOUNT_BYTES + 1);

    private final KeyValueStore<Bytes, byte[]> store;

    AmountIndex(KeyValueStore<Bytes, byte[]> store) {
        this.store = store;
    }

    void add(byte[] bucket, long amountMinor, String expenseId) {
        store.put(entry(bucket, amountMinor, expenseId), NOTHING);
    }

    void remove(byte[] bucket, long amountMinor, String expenseId) {
        store.delete(entry(bucket, amountMinor, expenseId));
    }

    /** The amounts of one bucket, for {@link RunningTotal#minus}; each answer is one seek. */
    RunningTotal.Remaining amountsOf(byte[] bucket) {
        Bytes from = Bytes.wrap(bucket);
        Bytes to = Bytes.wrap(concat(bucket, PAST_EVERY_ENTRY));
        return new RunningTotal.Remaining() {
            @Override
            public long smallest() {
                try (KeyValueIterator<Bytes, byte[]> entries = store.range(from, to)) {
                    return firstAmount(entries, bucket);
                }
            }

            @Override
            public long largest() {
                try (KeyValueIterator<Bytes, byte[]> entries = store.reverseRange(from, to)) {
                    return firstAmount(entries, bucket);
                }
            }
        };
    }

    static Bytes entry(byte[] bucket, long amountMinor, String expenseId) {
        byte[] id = expenseId.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(bucket.length + AMOUNT_BYTES + id.length)
                .put(bucket)
                .putLong(amountMinor ^ Long.MIN_VALUE)
                .put(id)
                .array());
    }

    static long amountOf(Bytes entry, int bucketLength) {
        return ByteBuffer.wrap(entry.get(), bucketLength, AMOUNT_BYTES).getLong() ^ Long.MIN_VALUE;
    }

    private static long firstAmount(KeyValueIterator<Bytes, byte[]> entries, byte[] bucket) {
        if (!entries.hasNext()) {
            // RunningTotal asks only while the bucket still counts expenses, so the index has lost an entry.
            throw new IllegalStateException("the amount index holds no entry of a bucket that still has expenses");
        }
        return amountOf(entries.next().key, bucket.length);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static byte[] filled(int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) 0xFF);
        return bytes;
    }
}
