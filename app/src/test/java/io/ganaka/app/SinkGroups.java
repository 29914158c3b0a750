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
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
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
        String prefix = naming.groupId("sinks-");
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
        List<String> behind = new ArrayList<>();
        Map<String, ConsumerGroupDescription> described = admin.describeConsumerGroups(groups()).all().get();
        for (ConsumerGroupDescription group : described.values()) {
            Set<TopicPartition> assigned = new HashSet<>();
            for (MemberDescription member : group.members()) {
                assigned.addAll(member.assignment().topicPartitions());
            }
            if (assigned.isEmpty()) {
                behind.add(group.groupId() + " (no partitions assigned)");
                continue;
            }
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
            for (TopicPartition partition : assigned) {
                OffsetAndMetadata offset = committed.get(partition);
                if (holdsRecordsFrom(partition, offset == null ? 0 : offset.offset())) {
                    behind.add(group.groupId() + " " + partition);
                }
            }
        }
        return behind;
    }

    private boolean holdsRecordsFrom(TopicPartition partition, long from) {
        reader.assign(List.of(partition));
        reader.seekToEnd(List.of(partition));
        long end = reader.position(partition);
        if (from >= end) {
            return false;
        }
        reader.seek(partition, from);
        // Markers and aborted records are skipped: a read that reaches the end without a record finds nothing left.
        // (A read-committed end is the last stable offset, so no open transaction can hold the read up.)
        for (int polls = 0; reader.position(partition) < end; polls++) {
            if (polls == 25 || !reader.poll(Duration.ofMillis(200)).isEmpty()) {
                return true; // a record, or a read that did not get there: not known to be caught up
            }
        }
        return false;
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
