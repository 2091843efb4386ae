package org.hotline.notification.dispatch.messaging;

/**
 * A record that can never be processed however often it is retried: not JSON, an unknown schema version, a
 * missing field, or sealed values that the configured keys do not open. It goes to the dead-letter topic with its
 * reason code ({@code x-dead-letter-reason-code}, the vocabulary docs/asyncapi.yaml lists for both dead-letter
 * topics) and a message that names fields and places, never the record's content.
 */
class PoisonEventException extends RuntimeException {

    static final String NOT_JSON = "not_json";
    static final String UNSUPPORTED_SCHEMA_VERSION = "unsupported_schema_version";
    static final String MISSING_FIELD = "missing_field";
    static final String INVALID_FIELD = "invalid_field";
    /** A sealed value the configured keys do not open: a key missing here, or a value altered or moved. */
    static final String SEALED_VALUE_UNOPENABLE = "sealed_value_unopenable";
    /** A case event names a body the directory does not list: its letter has no address until the file does. */
    static final String UNKNOWN_AUTHORITY = "unknown_authority";

    private final String reasonCode;

    PoisonEventException(String reasonCode, String message) {
        super(message);
        this.reasonCode = reasonCode;
    }

    PoisonEventException(String reasonCode, String message, Throwable cause) {
        super(message, cause);
        this.reasonCode = reasonCode;
    }

    String reasonCode() {
        return reasonCode;
    }
}
