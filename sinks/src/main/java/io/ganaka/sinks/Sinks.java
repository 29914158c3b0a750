package io.ganaka.sinks;

import io.ganaka.schemas.Topic;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;

/**
 * The sinks role: the expense, report (monthly, per category, all-time), user-erasure, default-categories, alert and
 * dashboard-cache sinks, each on its own thread with its own consumer group, sharing one dead-letter producer; each
 * announces its committed events through {@link ProjectionReports}.
 */
public final class Sinks implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Sinks.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Producer<byte[], byte[]> deadLetterProducer;
    private final ProjectionReports reports;
    private final SinkObserver observer;
    private final List<SinkRunner<?>> runners = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private boolean closed;

    private Sinks(Producer<byte[], byte[]> deadLetterProducer, ProjectionReports reports, SinkObserver observer) {
        this.deadLetterProducer = deadLetterProducer;
        this.observer = observer;
        this.reports = reports;
    }

    /** Starts every sink without announcing what they project; returns at once. */
    public static Sinks start(SinkSettings settings, DataSource db) {
        return start(settings, db, ProjectionReports.NONE);
    }

    /** Starts every sink but the dashboard cache's; returns at once, the sinks run until {@link #close()}. */
    public static Sinks start(SinkSettings settings, DataSource db, ProjectionReports reports) {
        return start(settings, db, reports, null, LivePushes.NONE);
    }

    /**
     * Starts every sink, with the dashboard sink keeping the dashboards in {@code redis} (none when null) and pushing
     * their changes to {@code pushes}.
     */
    public static Sinks start(SinkSettings settings, DataSource db, ProjectionReports reports, UnifiedJedis redis,
                              LivePushes pushes) {
        return start(settings, db, reports, redis, pushes, SinkObserver.NONE);
    }

    /** Starts every sink as above, telling {@code observer} about every batch committed. */
    public static Sinks start(SinkSettings settings, DataSource db, ProjectionReports reports, UnifiedJedis redis,
                              LivePushes pushes, SinkObserver observer) {
        Producer<byte[], byte[]> producer = new KafkaProducer<>(SinkKafkaConfig.deadLetterProducer(settings),
                new ByteArraySerializer(), new ByteArraySerializer());
        Sinks sinks = new Sinks(producer, reports, observer);
        try {
            sinks.launch(new ExpenseSink(settings.naming()), settings, db);
            sinks.launch(new MonthlySummarySink(settings.naming()), settings, db);
            sinks.launch(new CategorySummarySink(settings.naming()), settings, db);
            sinks.launch(new UserSummarySink(settings.naming()), settings, db);
            sinks.launch(new UserErasureSink(settings.naming()), settings, db);
            sinks.launch(new DefaultCategoriesSink(settings.naming()), settings, db);
            sinks.launch(new AlertSink(settings.naming()), settings, db);
            if (redis != null) {
                sinks.launch(new DashboardSink(settings.naming(), new DashboardCacheWriter(redis, settings.naming()),
                        pushes, Clock.systemUTC()), settings, db);
            }
        } catch (RuntimeException e) {
            sinks.close();
            throw e;
        }
        return sinks;
    }

    /**
     * Starts only the given sinks (e.g. the notification intake), each run like the projections; returns at once.
     */
    public static Sinks startOnly(SinkSettings settings, DataSource db, List<? extends Sink<?>> only) {
        return startOnly(settings, db, only, SinkObserver.NONE);
    }

    /** Starts only the given sinks, telling {@code observer} about every batch committed. */
    public static Sinks startOnly(SinkSettings settings, DataSource db, List<? extends Sink<?>> only,
                                  SinkObserver observer) {
        Producer<byte[], byte[]> producer = new KafkaProducer<>(SinkKafkaConfig.deadLetterProducer(settings),
                new ByteArraySerializer(), new ByteArraySerializer());
        Sinks sinks = new Sinks(producer, ProjectionReports.NONE, observer);
        try {
            only.forEach(sink -> sinks.launch(sink, settings, db));
        } catch (RuntimeException e) {
            sinks.close();
            throw e;
        }
        return sinks;
    }

    private <T> void launch(Sink<T> sink, SinkSettings settings, DataSource db) {
        DeadLetters deadLetters =
                new KafkaDeadLetters(deadLetterProducer, settings.naming().topic(Topic.DLQ), sink.name());
        SinkRunner<T> runner = new SinkRunner<>(sink,
                () -> new KafkaConsumer<>(SinkKafkaConfig.consumer(settings, sink.name()),
                        new ByteArrayDeserializer(), new ByteArrayDeserializer()),
                db, deadLetters, reports, settings.pollTimeout(), observer);
        Thread thread = new Thread(runner, "ganaka-sink-" + sink.name());
        runners.add(runner);
        threads.add(thread);
        thread.start();
        LOG.info("sink {} consuming {}", sink.name(), sink.topics());
    }

    /** The live metrics of every sink's consumer (each has its own client id), for the metrics endpoint. */
    public Map<MetricName, Metric> consumerMetrics() {
        Map<MetricName, Metric> all = new LinkedHashMap<>();
        for (SinkRunner<?> runner : runners) {
            all.putAll(runner.consumerMetrics());
        }
        return all;
    }

    /** The live metrics of the dead-letter producer the sinks share. */
    public Map<MetricName, ? extends Metric> producerMetrics() {
        return deadLetterProducer.metrics();
    }

    /** Stops every sink after its current batch (left uncommitted if it was still retrying), then the producer. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        runners.forEach(SinkRunner::requestStop);
        for (int i = 0; i < runners.size(); i++) {
            try {
                if (!runners.get(i).awaitStopped(STOP_TIMEOUT)) {
                    LOG.warn("sink thread {} did not stop within {}", threads.get(i).getName(), STOP_TIMEOUT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        deadLetterProducer.close(Duration.ofSeconds(5));
    }
}
