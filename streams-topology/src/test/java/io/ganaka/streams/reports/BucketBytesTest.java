package io.ganaka.streams.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bucket keys must be distinct and none a prefix of another, or one bucket's range would reach into the next. */
class BucketBytesTest {

    @Test
    void noBucketsBytesStartAnotherBuckets() {
        List<byte[]> buckets = List.of(
                new CategoryKey("u1", 2026, 3, null, "EUR").toBytes(),
                new CategoryKey("u1", 2026, 3, "", "EUR").toBytes(),
                new CategoryKey("u1", 2026, 3, "c", "EUR").toBytes(),
                new CategoryKey("u1", 2026, 3, "cE", "UR").toBytes(),
                new CategoryKey("u", 2026, 3, "1c", "EUR").toBytes(),
                new CategoryKey("u1", 2026, 31, "c", "EUR").toBytes());

        for (byte[] one : buckets) {
            for (byte[] other : buckets) {
                if (one != other) {
                    assertThat(startsWith(other, one)).as("%s starts %s", Arrays.toString(one), Arrays.toString(other))
                            .isFalse();
                }
            }
        }
    }

    @Test
    void equalBucketsHaveEqualBytesAndTheUserComesFirst() {
        assertThat(new MonthKey("u1", 2026, 3, "EUR").toBytes()).isEqualTo(new MonthKey("u1", 2026, 3, "EUR").toBytes());
        byte[] user = new BucketBytes().text("u1").toBytes();
        assertThat(startsWith(new SummaryKey("u1", "JPY").toBytes(), user)).isTrue();
        assertThat(startsWith(new MonthKey("u1", 2026, 3, "EUR").toBytes(), user)).isTrue();
    }

    @Test
    void theUserIdIsReadBackFromAnyBucketsBytes() {
        assertThat(BucketBytes.userIdOf(new CategoryKey("0190a000-äöü", 2026, 3, null, "EUR").toBytes()))
                .isEqualTo("0190a000-äöü");
        assertThat(BucketBytes.userIdOf(new SummaryKey("u7", "JPY").toBytes())).isEqualTo("u7");
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
