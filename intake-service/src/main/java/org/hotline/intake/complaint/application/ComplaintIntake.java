package org.hotline.intake.complaint.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.hotline.intake.complaint.domain.ComplainantMode;
import org.hotline.intake.complaint.domain.Complaint;
import org.hotline.intake.complaint.domain.ComplaintForm;
import org.hotline.intake.complaint.domain.ComplaintIdentities;
import org.hotline.intake.complaint.domain.ComplaintValidator;
import org.hotline.intake.complaint.domain.IdentityInAnonymousComplaintException;
import org.hotline.intake.complaint.domain.InvalidComplaintException;
import org.jspecify.annotations.Nullable;

/**
 * The intake's one use case: check a submitted complaint, give it its names, make it durable, and only then
 * hand back the receipt. A retry with the same idempotency key gets the first receipt back and publishes
 * nothing; the same key with other content is refused.
 */
public class ComplaintIntake {

    /**
     * Stripes for keyed requests, so two concurrent retries of one complaint do not both publish. A stripe is
     * held while the complaint waits for its shared transaction, so unrelated keys on one stripe wait for each
     * other's batch: with 4096 stripes, the chance that any two of 32 keyed requests in flight share one is about 11 %.
     */
    private static final int LOCK_STRIPES = 4096;

    private final ComplaintValidator validator;
    private final ComplaintIdentities identities;
    private final ComplaintPublisher publisher;
    private final IdempotencyLedger ledger;
    private final IntakeMetrics metrics;
    private final AcknowledgementCap acknowledgementCap;
    private final Clock clock;
    private final Lock[] locks = new Lock[LOCK_STRIPES];

    public ComplaintIntake(ComplaintValidator validator, ComplaintIdentities identities, ComplaintPublisher publisher,
            IdempotencyLedger ledger, IntakeMetrics metrics, AcknowledgementCap acknowledgementCap, Clock clock) {
        this.validator = validator;
        this.identities = identities;
        this.publisher = publisher;
        this.ledger = ledger;
        this.metrics = metrics;
        this.acknowledgementCap = acknowledgementCap;
        this.clock = clock;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** A complaint from the public. */
    public IntakeReceipt submit(ComplaintForm form, @Nullable String idempotencyKey) {
        return submit(form, idempotencyKey, null);
    }

    /**
     * A complaint, from the public or from a partner account.
     *
     * @param partner the partner account that submits it, whose idempotency keys are its own; null for the public
     */
    public IntakeReceipt submit(ComplaintForm form, @Nullable String idempotencyKey, @Nullable String partner) {
        Complaint complaint;
        try {
            complaint = validator.validate(form);
        } catch (InvalidComplaintException e) {
            metrics.rejected(e instanceof IdentityInAnonymousComplaintException ? "identity_in_anonymous_complaint"
                    : "invalid_complaint");
            throw e;
        }
        UUID complaintId = identities.complaintId(partner, idempotencyKey);
        if (idempotencyKey == null) {
            return publish(complaint, complaintId, null);
        }
        String fingerprint = identities.fingerprint(complaint);
        Lock lock = locks[Math.floorMod(complaintId.hashCode(), LOCK_STRIPES)];
        lock.lock();
        try {
            if (!ledger.isReady()) {
                metrics.rejected("ledger_not_ready");
                throw new LedgerNotReadyException();
            }
            Optional<IdempotencyLedger.Entry> earlier = ledger.find(complaintId);
            if (earlier.isPresent()) {
                if (!earlier.get().fingerprint().equals(fingerprint)) {
                    metrics.rejected("idempotency_conflict");
                    throw new IdempotencyConflictException();
                }
                return new IntakeReceipt(complaintId, identities.reference(complaintId),
                        identities.trackingCode(complaintId), earlier.get().receivedAt(), true);
            }
            return publish(complaint, complaintId, fingerprint);
        } finally {
            lock.unlock();
        }
    }

    private IntakeReceipt publish(Complaint complaint, UUID complaintId, @Nullable String fingerprint) {
        Instant receivedAt = clock.instant();
        String acknowledged = acknowledgedAddress(complaint);
        boolean withheld = acknowledged != null && !acknowledgementCap.tryTake(acknowledged);
        AcceptedComplaint accepted = new AcceptedComplaint(complaintId, identities.reference(complaintId),
                identities.trackingCode(complaintId), receivedAt, complaint, fingerprint, withheld);
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
        if (fingerprint != null) {
            ledger.remember(new IdempotencyLedger.Entry(complaintId, fingerprint, receivedAt));
        }
        metrics.accepted(complaint);
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
