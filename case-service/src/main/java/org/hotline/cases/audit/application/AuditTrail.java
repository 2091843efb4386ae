package org.hotline.cases.audit.application;

/** Where staff actions are recorded. */
public interface AuditTrail {

    /**
     * Records an action that has been answered. Never throws: the answer already given stands whatever becomes
     * of its record.
     */
    void record(StaffAction action);
}
