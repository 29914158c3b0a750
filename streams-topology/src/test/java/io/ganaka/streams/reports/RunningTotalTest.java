package io.ganaka.streams.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ganaka.schemas.JsonSerde;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunningTotalTest {

    /** What is left in a bucket, recording which extreme was asked for. */
    private static final class Left implements RunningTotal.Remaining {
        final List<String> asked = new ArrayList<>();
        private final long smallest;
        private final long largest;

        Left(long smallest, long largest) {
            this.smallest = smallest;
            this.largest = largest;
        }

        @Override
        public long smallest() {
            asked.add("smallest");
            return smallest;
        }

        @Override
        public long largest() {
            asked.add("largest");
            return largest;
        }
    }

    private final RunningTotal three = RunningTotal.zero().plus(900).plus(300).plus(500);

    @Test
    void addingSumsCountsAndWidensTheExtremes() {
        assertThat(RunningTotal.zero().plus(700)).isEqualTo(new RunningTotal(700, 1, 700L, 700L));
        assertThat(three).isEqualTo(new RunningTotal(1700, 3, 300L, 900L));
    }

    @Test
    void takingOutAnAmountBetweenTheExtremesAsksNothing() {
        Left left = new Left(0, 0);

        assertThat(three.minus(500, left)).isEqualTo(new RunningTotal(1200, 2, 300L, 900L));
        assertThat(left.asked).isEmpty();
    }

    @Test
    void takingOutTheSmallestAsksForTheNextSmallest() {
        Left left = new Left(500, 900);

        assertThat(three.minus(300, left)).isEqualTo(new RunningTotal(1400, 2, 500L, 900L));
        assertThat(left.asked).containsExactly("smallest");
    }

    @Test
    void takingOutTheLargestAsksForTheNextLargest() {
        Left left = new Left(300, 500);

        assertThat(three.minus(900, left)).isEqualTo(new RunningTotal(800, 2, 300L, 500L));
        assertThat(left.asked).containsExactly("largest");
    }

    @Test
    void takingOutTheLastExpenseLeavesZeroWithoutExtremesAndAsksNothing() {
        Left left = new Left(0, 0);

        assertThat(RunningTotal.zero().plus(1234).minus(1234, left)).isEqualTo(RunningTotal.zero());
        assertThat(left.asked).isEmpty();
    }

    @Test
    void zeroAndNegativeAmountsAreOrderedLikeAnyOther() {
        RunningTotal total = RunningTotal.zero().plus(0).plus(-250).plus(100);

        assertThat(total).isEqualTo(new RunningTotal(-150, 3, -250L, 100L));
        assertThat(total.minus(-250, new Left(0, 100))).isEqualTo(new RunningTotal(100, 2, 0L, 100L));
    }

    @Test
    void takingOutOfAnEmptyTotalIsABug() {
        assertThatThrownBy(() -> RunningTotal.zero().minus(100, new Left(0, 0)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void overflowIsRefusedRatherThanWrappedAround() {
        RunningTotal huge = RunningTotal.zero().plus(Long.MAX_VALUE);

        assertThatThrownBy(() -> huge.plus(1)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void survivesItsSerde() {
        JsonSerde<RunningTotal> serde = new JsonSerde<>(RunningTotal.class);

        for (RunningTotal total : List.of(RunningTotal.zero(), three)) {
            assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", total))).isEqualTo(total);
        }
    }
}
