package org.hotline.cases.audit.logging;

import java.util.UUID;
import org.hotline.cases.audit.application.AuditTrail;
import org.hotline.cases.audit.application.StaffAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each staff action as a structured line on the {@code audit} logger, with the keys and the line of
 * routing-service's trail. Unlike routing's, it does not (yet) publish {@code StaffActionAudited} on
 * {@code audit.events.v1}: the log is the case service's trail until that is brought over (issue 13 note).
 */
public final class LogAuditTrail implements AuditTrail {

    private static final Logger AUDIT = LoggerFactory.getLogger("audit");

    @Override
    public void record(StaffAction action) {
        String eventId = UUID.randomUUID().toString();
        AUDIT.atInfo()
                .addKeyValue("eventId", eventId)
                .addKeyValue("principal", action.principal())
                .addKeyValue("action", action.action())
                .addKeyValue("outcome", action.outcome())
                .addKeyValue("httpStatus", action.httpStatus())
                .addKeyValue("occurredAt", action.occurredAt())
                .log("staff action: principal={} roles={} action={} outcome={} status={} at={} eventId={}",
                        action.principal(), action.roles().stream().sorted().toList(), action.action(),
                        action.outcome(), action.httpStatus(), action.occurredAt(), eventId);
    }
}
