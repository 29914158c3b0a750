package io.ganaka.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A test's Kafka topics: creates them, reads what was written to them, compares a consumer group's committed offsets
 * with their ends, and deletes them again on {@link #close()}.
 */
@SuppressWarnings("try") // close() waits for the topics' deletion and passes an interrupt on to the caller
public final class KafkaTopics implements AutoCloseable {

    private final String bootstrapServers;
    private final Admin admin;
    private final Set<String> created = new LinkedHashSet<>();

    public KafkaTopics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.admin = Admin.create(p);
    }

    public void create(int partitions, String... names) throws ExecutionException, InterruptedException {
        List<NewTopic> topics = new ArrayList<>();
        for (String name : names) {
            topics.add(new NewTopic(name, partitions, (short) 1));
            created.add(name);
        }
        admin.createTopics(topics).all().get();
    }

    /**
     * Every committed record now in the topics, in partition order (so in order per key). Aborted transactional
     * records are skipped, as Ganaka's own consumers skip them; keys and values stay raw bytes.
     */
    public List<ConsumerRecord<byte[], byte[]>> readAll(String... topics) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The group's committed offset per partition of the topic; partitions it never committed are absent. */
    public Map<TopicPartition, Long> committed(String groupId, String topic)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> all =
                admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
        all.forEach((tp, om) -> {
            if (tp.topic().equals(topic) && om != null) {
                offsets.put(tp, om.offset());
            }
        });
        return offsets;
    }

    /** The end offset per partition of the topic; empty partitions are absent, as in {@link #committed}. */
    public Map<TopicPartition, Long> endOffsets(String topic) throws ExecutionException, InterruptedException {
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            request.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (Map.Entry<TopicPartition, ListOffsetsResultInfo> e : admin.listOffsets(request).all().get().entrySet()) {
            if (e.getValue().offset() > 0) {
                offsets.put(e.getKey(), e.getValue().offset());
            }
        }
        return offsets;
    }

    /** True once the group committed every record written to the topic so far. */
    public boolean caughtUp(String groupId, String topic) throws ExecutionException, InterruptedException {
        return committed(groupId, topic).equals(endOffsets(topic));
    }

    /** Fails while the group still has members, so a test calls it inside an await once its consumers closed. */
    public void deleteGroup(String groupId) throws ExecutionException, InterruptedException {
        admin.deleteConsumerGroups(List.of(groupId)).all().get();
    }

    /** Deletes the topics this helper created, then closes its admin client. */
    @Override
    public void close() throws ExecutionException, InterruptedException {
        try {
            if (!created.isEmpty()) {
                admin.deleteTopics(created).all().get();
            }
        } finally {
            admin.close();
        }
    }
}
