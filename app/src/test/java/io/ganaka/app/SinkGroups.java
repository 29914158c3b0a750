package io.ganaka.app;

import io.ganaka.schemas.Naming;
import io.ganaka.schemas.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The consumer groups of the sinks role (every group named {@code …ganaka-sinks-<sink>}) seen from outside, as an
 * operator would: whether each has committed everything its topics hold, deleting them for a replay from offset 0,
 * and how many records the dead-letter topic holds.
 */
final class SinkGroups implements AutoCloseable {

    /** Every sink of the role, by the names their groups carry; a test that finds fewer did not replay them all. */
    static final List<String> SINKS = List.of("expenses", "monthly-summaries", "category-summaries",
            "user-summaries", "user-erasure", "default-categories", "alerts", "dashboard", "notify-alerts",
            "notify-users", "notify-reports");

    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> reader;
    private final Naming naming;

    SinkGroups(String bootstrap, Naming naming) {
        this.naming = naming;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.reader = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The group ids of the sinks role that the broker knows. */
    Set<String> groups() throws ExecutionException, InterruptedException {
        return groupsStartingWith(naming.groupId("sinks-"));
    }

    /** The group ids the broker knows that start with {@code prefix} (e.g. every streams application's). */
    Set<String> groupsStartingWith(String prefix) throws ExecutionException, InterruptedException {
        Set<String> found = new TreeSet<>();
        for (GroupListing group : admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get()) {
            if (group.groupId().startsWith(prefix)) {
                found.add(group.groupId());
            }
        }
        return found;
    }

    /** The group ids every sink of {@link #SINKS} has. */
    Set<String> expectedGroups() {
        Set<String> ids = new TreeSet<>();
        SINKS.forEach(sink -> ids.add(naming.groupId("sinks-" + sink)));
        return ids;
    }

    /**
     * The groups (of the running sinks) that have not yet committed every committed record of their partitions. The
     * offset after a transaction's last record is its commit marker, which a sink never commits past, so a group is
     * behind only where a read-committed read from its committed offset still finds a record.
     */
    List<String> behind() throws ExecutionException, InterruptedException {
        return behind(groups());
    }

    /**
     * {@link #behind()} for any groups (e.g. the streams applications' too), reading every partition in question at
     * once: a partition is behind when a read-committed read from the lowest offset any of the groups committed on it
     * still finds a record before its end. Fast enough to ask every half second while a fault test drains.
     */
    List<String> behind(Set<String> groupIds) throws ExecutionException, InterruptedException {
        List<String> behind = new ArrayList<>();
        Map<TopicPartition, Long> from = new HashMap<>();
        Map<TopicPartition, Set<String>> readers = new HashMap<>();
        for (ConsumerGroupDescription group : admin.describeConsumerGroups(groupIds).all().get().values()) {
            Set<TopicPartition> assigned = new HashSet<>();
            group.members().forEach(member -> assigned.addAll(member.assignment().topicPartitions()));
            if (assigned.isEmpty()) {
                behind.add(group.groupId() + " (no partitions assigned)");
                continue;
            }
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
            for (TopicPartition partition : assigned) {
                OffsetAndMetadata offset = committed.get(partition);
                from.merge(partition, offset == null ? 0 : offset.offset(), Math::min);
                readers.computeIfAbsent(partition, p -> new TreeSet<>()).add(group.groupId());
            }
        }
        if (from.isEmpty()) {
            return behind;
        }
        reader.assign(from.keySet());
        reader.seekToEnd(from.keySet());
        Map<TopicPartition, Long> end = new HashMap<>();
        from.keySet().forEach(p -> end.put(p, reader.position(p)));
        Set<TopicPartition> open = new HashSet<>(from.keySet());
        open.removeIf(p -> from.get(p) >= end.get(p));
        reader.assign(open);
        open.forEach(p -> reader.seek(p, from.get(p)));
        // Markers and aborted records are skipped: a partition read to its end without a record is caught up.
        for (int polls = 0; !open.isEmpty() && polls < 25; polls++) {
            for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(200))) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (open.contains(partition) && record.offset() < end.get(partition)) {
                    behind.add(readers.get(partition) + " " + partition);
                    open.remove(partition);
                }
            }
            open.removeIf(p -> reader.position(p) >= end.get(p));
        }
        open.forEach(p -> behind.add(readers.get(p) + " " + p + " (not read to its end)"));
        return behind;
    }

    /** The groups of {@code groupIds} that still have members (a paused process's stay until its session ends). */
    Set<String> withMembers(Set<String> groupIds) throws ExecutionException, InterruptedException {
        Set<String> found = new TreeSet<>();
        admin.describeConsumerGroups(groupIds).all().get().forEach((id, group) -> {
            if (!group.members().isEmpty()) {
                found.add(id);
            }
        });
        return found;
    }

    /** Deletes the given groups; their members must have left (the sinks closed). */
    void delete(Set<String> groupIds) throws ExecutionException, InterruptedException {
        admin.deleteConsumerGroups(groupIds).all().get();
    }

    /** How many records the dead-letter topic holds (its producer is not transactional: one offset per record). */
    long deadLetters() throws ExecutionException, InterruptedException {
        String dlq = naming.topic(Topic.DLQ);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(List.of(dlq)).allTopicNames().get().get(dlq).partitions()
                .forEach(p -> latest.put(new TopicPartition(dlq, p.partition()), OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
    }

    @Override
    public void close() {
        reader.close(CloseOptions.timeout(Duration.ofSeconds(2)));
        admin.close(Duration.ofSeconds(2));
    }
}
