package org.hotline.cases.console.application;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.hotline.cases.console.domain.Disclosure;

/** The complaint's own record, where the complainant's contact details and statement are kept sealed. */
public interface ComplainantRecords {

    /**
     * Finds the complaint's {@code ComplaintReceived} and opens what the complainant gave, for a mode that opens
     * ({@link Disclosure#opens}); opens nothing of an {@code ANONYMOUS} complaint.
     *
     * @param receivedAt when intake received it, which says where its record is
     * @return empty when no record of the complaint is found
     * @throws NotDisclosedException when the complaint's mode is not one a caseworker may open
     * @throws org.hotline.cases.sealing.domain.ComplaintErasedException when its keys were erased
     * @throws ComplainantRecordsUnavailableException when the record cannot be read now
     */
    Optional<Disclosure> open(UUID complaintId, Instant receivedAt);
}
