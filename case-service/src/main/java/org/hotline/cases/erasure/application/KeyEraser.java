package org.hotline.cases.erasure.application;

import java.util.List;
import java.util.UUID;

/** Where a complaint's data keys are erased: their tombstones on the keys topic. */
public interface KeyEraser {

    /**
     * Returns once the broker has every tombstone (acks=all).
     *
     * @param recordKeys the records of the complaint's keys on the topic, one per data key
     * @param cause why, as the tombstones' header says it: {@code request} or {@code retention}
     * @throws ErasureNotStoredException when the broker does not take them in time; a repeat finishes the work
     */
    void erase(UUID complaintId, List<String> recordKeys, String cause);
}
