package org.hotline.intake.complaint.application;

/** An idempotency key was reused for a complaint with different content. */
public class IdempotencyConflictException extends RuntimeException {

    public IdempotencyConflictException() {
        super("the Idempotency-Key was already used for a different complaint");
    }
}
