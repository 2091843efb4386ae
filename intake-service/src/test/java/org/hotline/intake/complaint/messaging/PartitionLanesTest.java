package org.hotline.intake.complaint.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.awaitility.Awaitility;
import org.hotline.intake.complaint.domain.Lane;
import org.junit.jupiter.api.Test;

class PartitionLanesTest {

    @Test
    void placesAnIdWhereKafkasProducerPutsARecordKeyedByIt() {
        for (int i = 0; i < 1000; i++) {
            UUID id = UUID.randomUUID();
            assertThat(PartitionLanes.partition(id, 6)).isEqualTo(
                    BuiltInPartitioner.partitionForKey(id.toString().getBytes(StandardCharsets.UTF_8), 6));
        }
    }

    @Test
    void keepsTheLastPartitionsForTheBulkLaneAndAtLeastOneForThePriorityLane() {
        // given six partitions, and two whose bulk lane would take both
        try (PartitionLanes six = new PartitionLanes(1, "t", () -> 6);
                PartitionLanes two = new PartitionLanes(5, "t", () -> 2)) {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> six.partitions() == 6
                    && two.partitions() == 2);

            // then every id is in exactly one lane, the bulk lane on the last partition
            for (int i = 0; i < 1000; i++) {
                UUID id = UUID.randomUUID();
                assertThat(six.places(id, Lane.BULK)).isEqualTo(PartitionLanes.partition(id, 6) == 5)
                        .isNotEqualTo(six.places(id, Lane.PRIORITY));
                assertThat(two.places(id, Lane.BULK)).isEqualTo(PartitionLanes.partition(id, 2) == 1)
                        .isNotEqualTo(two.places(id, Lane.PRIORITY));
            }
        }
    }

    @Test
    void putsEveryIdInEveryLaneUntilTheBrokerHasToldThePartitionsAndOnASinglePartition() {
        try (PartitionLanes unknown = new PartitionLanes(1, "t", () -> {
                    throw new IllegalStateException("no broker");
                });
                PartitionLanes single = new PartitionLanes(1, "t", () -> 1)) {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> single.partitions() == 1);
            UUID id = UUID.randomUUID();
            assertThat(unknown.partitions()).isZero();
            assertThat(unknown.places(id, Lane.BULK)).isTrue();
            assertThat(unknown.places(id, Lane.PRIORITY)).isTrue();
            assertThat(single.places(id, Lane.BULK)).isTrue();
            assertThat(single.places(id, Lane.PRIORITY)).isTrue();
        }
    }
}
