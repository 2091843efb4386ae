package org.hotline.intake.complaint.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.intake.complaint.domain.Complaint;
import org.hotline.intake.complaint.domain.ComplaintIdentities;
import org.hotline.intake.complaint.domain.ComplaintValidator;
import org.hotline.intake.complaint.domain.Forms;
import org.hotline.intake.complaint.domain.Lane;
import org.junit.jupiter.api.Test;

class ComplaintIntakeTest {

    private final ComplaintIdentities identities =
            new ComplaintIdentities("a-secret-of-at-least-thirty-two-bytes!!".getBytes(StandardCharsets.UTF_8));
    private final List<AcceptedComplaint> published = new ArrayList<>();
    private final RecordingLedger ledger = new RecordingLedger();
    /** The lanes as a topic of six partitions makes them, once the intake knows the count. */
    private final Placement placement = new Placement();
    private final ComplaintIntake intake = new ComplaintIntake(new ComplaintValidator(Clock.systemUTC()),
            identities, published::add, ledger, new NoIntakeMetrics(), email -> true, placement, Clock.systemUTC());

    @Test
    void aNewComplaintGetsAnIdInItsLaneAndIsRememberedUnderItsKeysOwnId() {
        // given the partition count known
        placement.partitions = 6;

        // when a keyed complaint comes in the bulk lane, and an unkeyed one in the priority lane
        IntakeReceipt bulk = intake.submit(Forms.almatyAnalyst(), "key-1", null, () -> Lane.BULK);
        IntakeReceipt priority = intake.submit(Forms.kostanaySchool(), null, null, () -> Lane.PRIORITY);

        // then each id is in its lane, and the ledger knows the keyed one by the key's attempt-0 id
        assertThat(placement.places(bulk.complaintId(), Lane.BULK)).isTrue();
        assertThat(placement.places(priority.complaintId(), Lane.PRIORITY)).isTrue();
        UUID keyId = identities.complaintId(null, "key-1", 0);
        assertThat(ledger.entries.get(keyId).complaintId()).isEqualTo(bulk.complaintId());
        assertThat(published).extracting(AcceptedComplaint::idempotencyKeyId).containsExactly(keyId, null);
    }

    @Test
    void aRetryFindsItsComplaintAndAsksNoLaneEvenOnAnInstanceThatDoesNotKnowThePartitionsYet() {
        // given a keyed complaint in the bulk lane, under an id of a further attempt of its key
        placement.partitions = 6;
        IntakeReceipt first = intake.submit(Forms.almatyAnalyst(), "key-4", null, () -> Lane.BULK);
        assertThat(first.complaintId()).isNotEqualTo(identities.complaintId(null, "key-4", 0));
        AtomicInteger lanesAsked = new AtomicInteger();

        // when the client retries on an instance just started, which does not know the partitions yet, from a
        // source now in the other lane
        placement.partitions = 0;
        IntakeReceipt retry = intake.submit(Forms.almatyAnalyst(), "key-4", null, () -> {
            lanesAsked.incrementAndGet();
            return Lane.PRIORITY;
        });

        // then it gets the first receipt, nothing is published again, and the source's allowance is not touched
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.complaintId()).isEqualTo(first.complaintId());
        assertThat(published).hasSize(1);
        assertThat(lanesAsked).hasValue(0);
    }

    @Test
    void aReusedKeyWithOtherContentIsRefusedWhicheverLaneTheFirstWasIn() {
        // given a keyed complaint in the bulk lane
        placement.partitions = 6;
        intake.submit(Forms.almatyAnalyst(), "key-3", null, () -> Lane.BULK);

        // when the same key comes with another complaint, in the priority lane
        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() ->
                intake.submit(Forms.kostanaySchool(), "key-3", null, () -> Lane.PRIORITY));

        // then
        assertThat(refused).isInstanceOf(IdempotencyConflictException.class);
        assertThat(published).hasSize(1);
    }

    /** A stand-in for the partitioner: the last of {@code partitions} carries the bulk lane; all ids fit while 0. */
    private static final class Placement implements LanePlacement {

        int partitions;

        @Override
        public boolean places(UUID complaintId, Lane lane) {
            if (partitions < 2) {
                return true;
            }
            boolean bulk = Math.floorMod(complaintId.getLeastSignificantBits(), partitions) == partitions - 1;
            return bulk == (lane == Lane.BULK);
        }
    }

    private static final class RecordingLedger implements IdempotencyLedger {

        final Map<UUID, Entry> entries = new HashMap<>();

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public Optional<Entry> find(UUID keyId) {
            return Optional.ofNullable(entries.get(keyId));
        }

        @Override
        public void remember(UUID keyId, Entry entry) {
            entries.put(keyId, entry);
        }
    }
}
