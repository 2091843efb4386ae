package org.hotline.intake.complaint.application;

/**
 * The idempotency ledger has not caught up yet (just after a start, or while the broker is away), so a keyed
 * request cannot be checked against earlier ones; answering it could publish a duplicate.
 */
public class LedgerNotReadyException extends RuntimeException {

    public LedgerNotReadyException() {
        super("the idempotency ledger is still loading");
    }
}
