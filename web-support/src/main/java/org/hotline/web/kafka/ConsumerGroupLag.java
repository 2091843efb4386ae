package org.hotline.web.kafka;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * The lag of consumer groups as the broker sees it, measured every {@code interval} with an admin client: for each
 * topic a group has committed offsets in, the records after them (last stable offset minus committed offset, summed
 * over the partitions where a committed record waits; a partition holding only a transaction's commit marker or
 * aborted records after the committed offset counts 0), and the committed offsets' sum, which stops moving when the
 * group makes no progress.
 *
 * <p>The Kafka client's own {@code records-lag-max} cannot show that: it is measured at a fetch, so a consumer that
 * paused its partitions (notification with a full backlog), is stuck, or is dead reports nothing (NaN) exactly when
 * its lag matters. Every instance of a service reports its groups, so the series come once per instance: rules
 * take their {@code max} by group and topic.
 *
 * <p>Meters: {@code hotline.kafka.consumer.group.lag} and {@code hotline.kafka.consumer.group.committed}, tagged
 * {@code group} and {@code topic}, with no base unit (Prometheus would append it to the names the rules use). A
 * failed measurement leaves the last values and is logged once until one succeeds again; the broker's own outage has
 * its alerts. The probe's routine lines (assigned, seeking, unsubscribed: three per lagging partition at every
 * measurement) are kept out of the log; its warnings and errors are not.
 */
public final class ConsumerGroupLag implements MeterBinder, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConsumerGroupLag.class);
    private static final long TIMEOUT_SECONDS = 10;
    private static final int PROBE_POLLS = 5;
    private static final Duration PROBE_POLL = Duration.ofMillis(200);
    private static final String PROBE_CLIENT_ID = "consumer-group-lag-probe";

    /** A group's position in one topic. */
    record Position(long lag, long committed) {
    }

    private final Admin admin;
    private final Consumer<byte[], byte[]> probe;
    private final List<String> groups;
    private final Duration interval;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "consumer-group-lag");
        thread.setDaemon(true);
        return thread;
    });
    private @Nullable MultiGauge lag;
    private @Nullable MultiGauge committed;
    private volatile boolean failing;

    /**
     * @param adminConfig the service's Kafka admin settings (bootstrap servers and security)
     * @param groups the consumer groups the service consumes in
     */
    public ConsumerGroupLag(Map<String, Object> adminConfig, List<String> groups, Duration interval) {
        Map<String, Object> config = new HashMap<>(adminConfig);
        config.putIfAbsent("client.id", "consumer-group-lag");
        this.admin = Admin.create(config);
        Map<String, Object> probeConfig = new HashMap<>(adminConfig);
        probeConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, PROBE_CLIENT_ID);
        probeConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        probeConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        probeConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // It only needs to know whether a record is there: one small batch per partition at most.
        probeConfig.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 1024);
        probeConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        this.probe = new KafkaConsumer<>(probeConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        QuietProbe.install();
        this.groups = List.copyOf(groups);
        this.interval = interval;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        lag = MultiGauge.builder("hotline.kafka.consumer.group.lag")
                .description("Records after the group's committed offsets, by topic, as the broker sees them")
                .register(registry);
        committed = MultiGauge.builder("hotline.kafka.consumer.group.committed")
                .description("The sum of the group's committed offsets, by topic: flat while it makes no progress")
                .register(registry);
        // Not at once: the first look-up of a group makes the broker create __consumer_offsets (50 partitions), which
        // at a service's start competed with the topics it creates; Kafka Streams then found case.status.v1 without
        // partitions and stopped (case-service's ITs in CI).
        scheduler.scheduleWithFixedDelay(this::measure, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Measures every group once and publishes the figures. */
    synchronized void measure() {
        List<MultiGauge.Row<?>> lags = new ArrayList<>();
        List<MultiGauge.Row<?>> offsets = new ArrayList<>();
        try {
            for (String group : groups) {
                positions(group).forEach((topic, position) -> {
                    Tags tags = Tags.of("group", group, "topic", topic);
                    lags.add(MultiGauge.Row.of(tags, position.lag()));
                    offsets.add(MultiGauge.Row.of(tags, position.committed()));
                });
            }
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            if (!failing) {
                log.warn("the lag of {} could not be measured; the last figures stay until it can: {}", groups,
                        e.toString());
                failing = true;
            }
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (failing) {
            log.info("the lag of {} is measured again", groups);
            failing = false;
        }
        if (lag != null && committed != null) {
            lag.register(lags, true);
            committed.register(offsets, true);
        }
    }

    /** The group's position in each topic it has committed offsets in. */
    synchronized Map<String, Position> positions(String group)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> commits = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        commits.forEach((partition, offset) -> {
            if (offset != null) {
                latest.put(partition, OffsetSpec.latest());
            }
        });
        if (latest.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest,
                new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, Long> behind = new HashMap<>();
        for (TopicPartition partition : latest.keySet()) {
            if (ends.get(partition).offset() > commits.get(partition).offset()) {
                behind.put(partition, commits.get(partition).offset());
            }
        }
        Set<TopicPartition> waiting = waiting(behind, ends);
        Map<String, Position> positions = new TreeMap<>();
        for (TopicPartition partition : latest.keySet()) {
            long offset = commits.get(partition).offset();
            long records = waiting.contains(partition) ? ends.get(partition).offset() - offset : 0;
            positions.merge(partition.topic(), new Position(records, offset),
                    (a, b) -> new Position(a.lag() + b.lag(), a.committed() + b.committed()));
        }
        return positions;
    }

    /**
     * Of the partitions whose end is past the committed offset, those where a committed record waits. The offsets
     * in between may hold none: a transactional producer leaves a commit marker after each transaction, which takes
     * an offset and which a consumer commits in front of (it commits the last record's offset plus one), and an
     * aborted transaction leaves records nobody reads. Every topic the hotline writes is transactional, so counting
     * offsets alone would show each idle partition one behind for ever. A read_committed read from the committed
     * offset says it: a record comes back, or the position passes the end with none.
     */
    private Set<TopicPartition> waiting(Map<TopicPartition, Long> behind,
            Map<TopicPartition, ListOffsetsResultInfo> ends) {
        Set<TopicPartition> waiting = new HashSet<>();
        if (behind.isEmpty()) {
            return waiting;
        }
        probe.assign(behind.keySet());
        behind.forEach(probe::seek);
        Set<TopicPartition> open = new HashSet<>(behind.keySet());
        for (int attempt = 0; attempt < PROBE_POLLS && !open.isEmpty(); attempt++) {
            ConsumerRecords<byte[], byte[]> records = probe.poll(PROBE_POLL);
            for (TopicPartition partition : records.partitions()) {
                waiting.add(partition);
                open.remove(partition);
            }
            open.removeIf(partition -> probe.position(partition) >= ends.get(partition).offset());
            probe.pause(waiting);
        }
        // Not read through in time: counted as waiting rather than hidden.
        waiting.addAll(open);
        probe.unsubscribe();
        return waiting;
    }

    /**
     * Drops the Kafka client's INFO and finer lines about the probe. Kafka writes the client id into each line's text
     * ({@code [Consumer clientId=consumer-group-lag-probe, groupId=null] Seeking to offset...}), which is all that
     * tells the probe's lines from those of the service's own consumers of the same classes.
     */
    static final class QuietProbe extends TurboFilter {

        private static final String MARK = "clientId=" + PROBE_CLIENT_ID + ",";

        /** Adds the filter to logback, once, when logback is what logs (Spring Boot's default). */
        static void install() {
            if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                    && context.getTurboFilterList().stream().noneMatch(QuietProbe.class::isInstance)) {
                QuietProbe filter = new QuietProbe();
                filter.start();
                context.addTurboFilter(filter);
            }
        }

        @Override
        public FilterReply decide(@Nullable Marker marker, ch.qos.logback.classic.Logger logger, Level level,
                @Nullable String format, Object @Nullable [] params, @Nullable Throwable t) {
            return format != null && !level.isGreaterOrEqual(Level.WARN) && format.contains(MARK)
                    && logger.getName().startsWith("org.apache.kafka.") ? FilterReply.DENY : FilterReply.NEUTRAL;
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        synchronized (this) {
            probe.close(Duration.ofSeconds(5));
        }
        admin.close(Duration.ofSeconds(5));
    }
}
