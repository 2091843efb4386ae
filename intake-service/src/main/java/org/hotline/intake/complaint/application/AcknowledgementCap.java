package org.hotline.intake.complaint.application;

/**
 * How many acknowledgements one email address may be sent. Without a cap, anyone could have the hotline mail its
 * acknowledgement to a stranger's address as often as they liked (a harassment channel bearing the NGO's name);
 * over the cap the complaint is accepted as always, and only its acknowledgement, and the complainant's news of
 * the case, are withheld (docs/security.md, "Acknowledgements").
 */
@FunctionalInterface
public interface AcknowledgementCap {

    /** No cap: every complaint that asks for an acknowledgement gets one. */
    AcknowledgementCap NONE = email -> true;

    /**
     * Takes one acknowledgement of the address's allowance.
     *
     * @param email the complainant's address as validated
     * @return false when the address has none left, and the acknowledgement is to be withheld
     */
    boolean tryTake(String email);

    /**
     * Gives back what {@link #tryTake} took for a complaint that then was not stored (503): the complainant's retry
     * must not use up the allowance of the address.
     */
    default void giveBack(String email) {
    }
}
