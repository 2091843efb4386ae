package org.hotline.web.audit;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One request of a staff or admin endpoint, as the audit trail keeps it. It names the account and the action, and
 * for an action on one case that an auditor must be able to trace (a caseworker opening a complainant's contact
 * details), the case's reference; never a complaint id or anything a complainant wrote: no request body is part of
 * it.
 *
 * @param principal the account's name from configuration
 * @param roles the account's roles when it acted
 * @param action what it asked for, e.g. {@code routing.preview}, {@code directory.reload}, {@code case.answer}
 * @param outcome how it ended
 * @param httpStatus the status answered
 * @param occurredAt when the answer was given
 * @param reference the reference of the case acted on, for the actions that name one; else null
 */
public record StaffAction(String principal, Set<String> roles, String action, Outcome outcome, int httpStatus,
        Instant occurredAt, @Nullable String reference) {

    public StaffAction {
        roles = Set.copyOf(roles);
    }

    /** An action that names no case. */
    public StaffAction(String principal, Set<String> roles, String action, Outcome outcome, int httpStatus,
            Instant occurredAt) {
        this(principal, roles, action, outcome, httpStatus, occurredAt, null);
    }

    /** How an action ended, from the status answered. */
    public enum Outcome {
        /** 2xx, or 3xx: done (a console's form answers a record taken with 303, back to the case's page). */
        SUCCEEDED,
        /** 403: the account lacks the role; nothing was done. */
        DENIED,
        /** Any other 4xx: the request was refused (a bad body, an invalid directory); nothing changed. */
        REJECTED,
        /** 5xx: the service failed. */
        FAILED;

        public static Outcome of(int httpStatus) {
            if (httpStatus >= 200 && httpStatus < 400) {
                return SUCCEEDED;
            }
            if (httpStatus == 403) {
                return DENIED;
            }
            return httpStatus >= 500 ? FAILED : REJECTED;
        }
    }
}
