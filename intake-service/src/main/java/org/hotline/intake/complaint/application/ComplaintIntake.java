package org.hotline.intake.complaint.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.hotline.intake.complaint.domain.ComplainantMode;
import org.hotline.intake.complaint.domain.Complaint;
import org.hotline.intake.complaint.domain.ComplaintForm;
import org.hotline.intake.complaint.domain.ComplaintIdentities;
import org.hotline.intake.complaint.domain.ComplaintValidator;
import org.hotline.intake.complaint.domain.IdentityInAnonymousComplaintException;
import org.hotline.intake.complaint.domain.InvalidComplaintException;
import org.hotline.intake.complaint.domain.Lane;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The intake's one use case: check a submitted complaint, give it its names, make it durable, and only then
 * hand back the receipt. A retry with the same idempotency key gets the first receipt back and publishes
 * nothing; the same key with other content is refused.
 */
public class ComplaintIntake {

    private static final Logger log = LoggerFactory.getLogger(ComplaintIntake.class);

    /**
     * The MDC key naming the complaint a log line is about, as the other services name it
     * ({@code org.hotline.web.tracing.ComplaintTracing.COMPLAINT_ID}, which this layer does not import).
     */
    private static final String COMPLAINT_ID = "complaintId";

    /**
     * Stripes for keyed requests, so two concurrent retries of one complaint do not both publish. A stripe is
     * held while the complaint waits for its shared transaction, so unrelated keys on one stripe wait for each
     * other's batch: with 4096 stripes, the chance that any two of 32 keyed requests in flight share one is about 11 %.
     */
    private static final int LOCK_STRIPES = 4096;

    /**
     * Ids tried for a lane before taking one outside it. An id fits a lane of b partitions of n with the chance b/n:
     * with one bulk partition of six, 1000 misses in a row never come; with one of a hundred, once in 23,000 bulk
     * complaints, which then travels in the priority lane. A try is a random draw or a keyed hash, about a microsecond.
     */
    private static final int MAX_PLACEMENT_ATTEMPTS = 1000;

    private final ComplaintValidator validator;
    private final ComplaintIdentities identities;
    private final ComplaintPublisher publisher;
    private final IdempotencyLedger ledger;
    private final IntakeMetrics metrics;
    private final AcknowledgementCap acknowledgementCap;
    private final LanePlacement lanes;
    private final Clock clock;
    private final Lock[] locks = new Lock[LOCK_STRIPES];

    public ComplaintIntake(ComplaintValidator validator, ComplaintIdentities identities, ComplaintPublisher publisher,
            IdempotencyLedger ledger, IntakeMetrics metrics, AcknowledgementCap acknowledgementCap,
            LanePlacement lanes, Clock clock) {
        this.validator = validator;
        this.identities = identities;
        this.publisher = publisher;
        this.ledger = ledger;
        this.metrics = metrics;
        this.acknowledgementCap = acknowledgementCap;
        this.lanes = lanes;
        this.clock = clock;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** A complaint from the public, in the priority lane. */
    public IntakeReceipt submit(ComplaintForm form, @Nullable String idempotencyKey) {
        return submit(form, idempotencyKey, null, () -> Lane.PRIORITY);
    }

    /**
     * A complaint, from the public or from a partner account.
     *
     * @param partner the partner account that submits it, whose idempotency keys are its own; null for the public
     * @param lane the lane of a new complaint, asked only once the complaint is known to be new: a retry keeps the
     *     id, and so the lane, of the complaint it repeats, and takes nothing from its source's priority allowance
     */
    public IntakeReceipt submit(ComplaintForm form, @Nullable String idempotencyKey, @Nullable String partner,
            Supplier<Lane> lane) {
        Complaint complaint;
        try {
            complaint = validator.validate(form);
        } catch (InvalidComplaintException e) {
            metrics.rejected(e instanceof IdentityInAnonymousComplaintException ? "identity_in_anonymous_complaint"
                    : "invalid_complaint");
            throw e;
        }
        if (idempotencyKey == null) {
            Lane chosen = lane.get();
            return publish(complaint, randomId(chosen), null, null, chosen);
        }
        String fingerprint = identities.fingerprint(complaint);
        // The key's own id names it in the ledger, whatever further id put its complaint in its lane.
        UUID keyId = identities.complaintId(partner, idempotencyKey, 0);
        Lock lock = locks[Math.floorMod(keyId.hashCode(), LOCK_STRIPES)];
        lock.lock();
        try {
            if (!ledger.isReady()) {
                metrics.rejected("ledger_not_ready");
                throw new LedgerNotReadyException();
            }
            Optional<IdempotencyLedger.Entry> earlier = ledger.find(keyId);
            if (earlier.isPresent()) {
                if (!earlier.get().fingerprint().equals(fingerprint)) {
                    metrics.rejected("idempotency_conflict");
                    throw new IdempotencyConflictException();
                }
                UUID complaintId = earlier.get().complaintId();
                return new IntakeReceipt(complaintId, identities.reference(complaintId),
                        identities.trackingCode(complaintId), earlier.get().receivedAt(), true);
            }
            Lane chosen = lane.get();
            return publish(complaint, keyedId(partner, idempotencyKey, chosen), fingerprint, keyId, chosen);
        } finally {
            lock.unlock();
        }
    }

    private UUID randomId(Lane lane) {
        return placed(attempt -> identities.randomComplaintId(), lane);
    }

    private UUID keyedId(@Nullable String partner, String idempotencyKey, Lane lane) {
        return placed(attempt -> identities.complaintId(partner, idempotencyKey, attempt), lane);
    }

    /** The first of the candidates that places the complaint in its lane, or the last one tried. */
    private UUID placed(IntFunction<UUID> candidate, Lane lane) {
        UUID id = candidate.apply(0);
        for (int attempt = 1; attempt < MAX_PLACEMENT_ATTEMPTS && !lanes.places(id, lane); attempt++) {
            id = candidate.apply(attempt);
        }
        return id;
    }

    private IntakeReceipt publish(Complaint complaint, UUID complaintId, @Nullable String fingerprint,
            @Nullable UUID keyId, Lane lane) {
        Instant receivedAt = clock.instant();
        String acknowledged = acknowledgedAddress(complaint);
        boolean withheld = acknowledged != null && !acknowledgementCap.tryTake(acknowledged);
        AcceptedComplaint accepted = new AcceptedComplaint(complaintId, identities.reference(complaintId),
                identities.trackingCode(complaintId), receivedAt, complaint, fingerprint, keyId, withheld);
        long started = System.nanoTime();
        try {
            publisher.publish(accepted);
        } catch (PublicationFailedException e) {
            if (acknowledged != null && !withheld) {
                acknowledgementCap.giveBack(acknowledged);
            }
            metrics.published(Duration.ofNanos(System.nanoTime() - started), false);
            metrics.rejected("broker_unavailable");
            throw e;
        }
        metrics.published(Duration.ofNanos(System.nanoTime() - started), true);
        try (MDC.MDCCloseable named = MDC.putCloseable(COMPLAINT_ID, complaintId.toString())) {
            // The id alone: the reference is quoted to people, and the tracking code opens the complaint's status.
            log.info("Complaint {} accepted in the {} lane", complaintId, lane);
        }
        if (fingerprint != null && keyId != null) {
            ledger.remember(keyId, new IdempotencyLedger.Entry(complaintId, fingerprint, receivedAt));
        }
        metrics.accepted(complaint);
        metrics.laned(lane);
        return new IntakeReceipt(complaintId, accepted.reference(), accepted.trackingCode(), receivedAt, false);
    }

    /*
     * The address a new complaint's acknowledgement would go to, which takes from its allowance; null when none
     * would be sent. A retry of a stored complaint replays its first receipt and takes nothing, and one whose
     * first try was not stored (503) gave back what it took. The answer to the request is the same either way: a
     * receipt that said "not mailed" would let anyone count how often an address was used, by submitting it.
     */
    private static @Nullable String acknowledgedAddress(Complaint complaint) {
        Complaint.Complainant who = complaint.complainant();
        String email = who.email();
        if (who.mode() == ComplainantMode.ANONYMOUS || !who.consentToContact() || email == null || email.isBlank()) {
            return null;
        }
        return email;
    }
}
