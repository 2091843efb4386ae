package org.hotline.routing.complaint.messaging;

/**
 * A {@code ComplaintReceived} record routing cannot decide on: not JSON, another schema version, or a departure
 * from the published schema (a required field missing, a value of the wrong type or format or not among those
 * listed). Retrying cannot help, so it is not retried: the record goes to the dead-letter topic at once, with the
 * reason, and the partition moves on.
 */
class UndecidableEventException extends RuntimeException {

    /** A reason from a closed list, safe as a metric label. */
    private final String reason;

    UndecidableEventException(String reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }

    static UndecidableEventException missing(String field) {
        return new UndecidableEventException("missing_field", "required field " + field + " is missing");
    }

    static UndecidableEventException invalid(String field, String expected) {
        return new UndecidableEventException("invalid_field", "field " + field + " must be " + expected);
    }
}
