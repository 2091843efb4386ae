package org.hotline.intake.complaint.application;

import java.util.UUID;
import org.hotline.intake.complaint.domain.Lane;

/** Which lane a complaint id puts a complaint in, given how its records are spread over the topics' partitions. */
public interface LanePlacement {

    /** Every id in every lane: the lanes are off, or the topics have too few partitions to keep two apart. */
    LanePlacement NONE = (complaintId, lane) -> true;

    /** Whether the records of the complaint {@code complaintId} travel in {@code lane}. */
    boolean places(UUID complaintId, Lane lane);
}
