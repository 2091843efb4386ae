package org.hotline.cases.topology.messaging;

/** A record that is not the event its topic promises; it is skipped, logged and counted, never retried. */
final class UnreadableEventException extends RuntimeException {

    UnreadableEventException(String reason) {
        super(reason);
    }
}
