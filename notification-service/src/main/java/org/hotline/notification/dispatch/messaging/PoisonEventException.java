package org.hotline.notification.dispatch.messaging;

/**
 * A record that can never be processed however often it is retried: not JSON, an unknown schema version, a
 * missing field, or sealed values that the configured keys do not open. It goes to the dead-letter topic.
 */
class PoisonEventException extends RuntimeException {

    PoisonEventException(String message) {
        super(message);
    }

    PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
