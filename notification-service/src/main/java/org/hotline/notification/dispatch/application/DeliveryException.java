package org.hotline.notification.dispatch.application;

import org.hotline.notification.dispatch.domain.FailureClass;

/** The SMTP server did not take a message; {@link #failure()} says whether retrying can help. */
public class DeliveryException extends RuntimeException {

    private final FailureClass failure;

    public DeliveryException(FailureClass failure, String detail, Throwable cause) {
        super(detail, cause);
        this.failure = failure;
    }

    public FailureClass failure() {
        return failure;
    }
}
