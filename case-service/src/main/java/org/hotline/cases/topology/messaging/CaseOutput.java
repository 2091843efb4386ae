package org.hotline.cases.topology.messaging;

/** What the case-files processor writes: a file for the status topic, or an event for cases.events.v1. */
sealed interface CaseOutput {

    byte[] bytes();

    /** A case file, keyed by its reference. */
    record Status(byte[] bytes) implements CaseOutput {
    }

    /** An event of the silence check, keyed by complaint id. */
    record Event(byte[] bytes) implements CaseOutput {
    }
}
