package io.ganaka.streams.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ordered amount index over a real (in-memory) store: entry order, bucket ranges and the extremes they give. */
class AmountIndexTest {

    private final KeyValueStore<Bytes, byte[]> store = Stores.keyValueStoreBuilder(
                    Stores.inMemoryKeyValueStore("amounts"), Serdes.Bytes(), Serdes.ByteArray())
            .withLoggingDisabled()
            .build();
    private final AmountIndex index = new AmountIndex(store);
    private final byte[] march = new MonthKey("u1", 2026, 3, "EUR").toBytes();
    private final byte[] april = new MonthKey("u1", 2026, 4, "EUR").toBytes();

    AmountIndexTest() {
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        store.init(context.getStateStoreContext(), store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void entriesSortByAmountNegativesFirstThenByExpenseId() {
        index.add(march, 500, "e1");
        index.add(march, -3, "e2");
        index.add(march, 0, "e3");
        index.add(march, Long.MIN_VALUE, "e4");
        index.add(march, Long.MAX_VALUE, "e5");
        index.add(march, 500, "e0");

        assertThat(entries()).containsExactly(
                Long.MIN_VALUE + "/e4", "-3/e2", "0/e3", "500/e0", "500/e1", Long.MAX_VALUE + "/e5");
    }

    @Test
    void theExtremesOfABucketAreItsFirstAndLastEntryOnly() {
        index.add(april, 1, "e9");
        index.add(april, 99_999, "e8");
        index.add(march, 700, "e1");
        index.add(march, 200, "e2");
        index.add(march, 450, "e3");

        assertThat(index.amountsOf(march).smallest()).isEqualTo(200);
        assertThat(index.amountsOf(march).largest()).isEqualTo(700);
        assertThat(index.amountsOf(april).smallest()).isEqualTo(1);
        assertThat(index.amountsOf(april).largest()).isEqualTo(99_999);
    }

    @Test
    void theLargestPossibleAmountStaysWithinItsBucket() {
        index.add(march, Long.MAX_VALUE, "\uFFFF\uFFFF");
        index.add(april, Long.MIN_VALUE, "e1");

        assertThat(index.amountsOf(march).largest()).isEqualTo(Long.MAX_VALUE);
        assertThat(index.amountsOf(april).smallest()).isEqualTo(Long.MIN_VALUE);
        assertThat(index.amountsOf(april).largest()).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void removingOneOfTwoEqualAmountsKeepsTheOther() {
        index.add(march, 900, "e1");
        index.add(march, 900, "e2");
        index.add(march, 100, "e3");

        index.remove(march, 900, "e1");

        assertThat(index.amountsOf(march).largest()).isEqualTo(900);
        assertThat(entries()).containsExactly("100/e3", "900/e2");
    }

    @Test
    void anEmptyBucketHasNoExtremesToGive() {
        index.add(april, 5, "e1");

        assertThatThrownBy(() -> index.amountsOf(march).smallest()).isInstanceOf(IllegalStateException.class);
    }

    private List<String> entries() {
        List<String> entries = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> all = store.all()) {
            all.forEachRemaining(entry -> {
                byte[] key = entry.key.get();
                String id = new String(key, march.length + Long.BYTES, key.length - march.length - Long.BYTES,
                        java.nio.charset.StandardCharsets.UTF_8);
                entries.add(AmountIndex.amountOf(entry.key, march.length) + "/" + id);
            });
        }
        return entries;
    }
}
