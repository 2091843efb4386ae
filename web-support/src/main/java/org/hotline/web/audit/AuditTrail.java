package org.hotline.web.audit;

/** Where staff and admin actions are recorded. */
public interface AuditTrail {

    /**
     * Records an action that has been answered. Never throws: a trail that cannot be written is logged and
     * counted by the implementation, and the answer already given stands.
     */
    void record(StaffAction action);
}
