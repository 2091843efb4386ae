package org.hotline.notification.dispatch.domain;

/** Whether a body is asked to act on a complaint or receives it for information. */
public enum AssignmentRole {
    PRIMARY, COPY
}
