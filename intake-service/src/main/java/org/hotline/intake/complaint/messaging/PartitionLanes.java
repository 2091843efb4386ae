package org.hotline.intake.complaint.messaging;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.apache.kafka.common.utils.Utils;
import org.hotline.intake.complaint.application.LanePlacement;
import org.hotline.intake.complaint.domain.Lane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lanes as the topics' partitions make them: the last {@code bulkPartitions} partitions carry the bulk lane,
 * the others the priority lane. A complaint's partition is where Kafka's producers, and Kafka Streams, put a record
 * keyed by its id (murmur2 of the key's UTF-8 bytes), the same on every topic of the system, which all have one
 * partition count so that a complaint's records meet in the case service. So the id decides the lane everywhere.
 *
 * <p>The partition count is looked up in the background until the broker answers; until then, and on topics with a
 * single partition, every id is in every lane, as with the lanes off.
 */
final class PartitionLanes implements LanePlacement, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PartitionLanes.class);
    private static final long LOOKUP_EVERY_SECONDS = 5;

    private final int bulkPartitions;
    private final ScheduledExecutorService lookup;
    private volatile int partitions;

    /**
     * @param partitionCount the complaints topic's partition count, from the broker (may throw while it is away)
     */
    PartitionLanes(int bulkPartitions, String topic, IntSupplier partitionCount) {
        this.bulkPartitions = bulkPartitions;
        this.lookup = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "lane-partitions");
            thread.setDaemon(true);
            return thread;
        });
        lookup.scheduleWithFixedDelay(() -> {
            try {
                int count = partitionCount.getAsInt();
                partitions = count;
                lookup.shutdown();
                if (count < 2) {
                    log.warn("{} has one partition: the priority and bulk lanes cannot be kept apart", topic);
                } else {
                    log.info("{} has {} partitions: the last {} carry the bulk lane", topic, count,
                            bulkOf(count));
                }
            } catch (RuntimeException e) {
                log.debug("partitions of {} not known yet: every complaint in the priority lane meanwhile", topic, e);
            }
        }, 0, LOOKUP_EVERY_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public boolean places(UUID complaintId, Lane lane) {
        int count = partitions;
        if (count < 2) {
            return true;
        }
        boolean bulk = partition(complaintId, count) >= count - bulkOf(count);
        return bulk == (lane == Lane.BULK);
    }

    /** The complaints topic's partition count, 0 until the broker has told. */
    int partitions() {
        return partitions;
    }

    /** The partition Kafka's default partitioner gives a record keyed by {@code complaintId}. */
    static int partition(UUID complaintId, int partitions) {
        return Utils.toPositive(Utils.murmur2(complaintId.toString().getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private int bulkOf(int count) {
        return Math.min(bulkPartitions, count - 1);
    }

    @Override
    public void close() {
        lookup.shutdownNow();
    }
}
