package org.hotline.cases.casefile.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hotline.cases.casefile.domain.Assignment;
import org.hotline.cases.casefile.domain.CaseEvent;
import org.hotline.cases.casefile.domain.CaseEvent.ComplaintDecided;
import org.hotline.cases.casefile.domain.CaseFile;
import org.hotline.cases.casefile.domain.Circumstances;
import org.hotline.deadlines.domain.Deadlines;
import org.hotline.deadlines.domain.StatutoryClocks;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records events in case files. Each body's deadlines are the dates routing gave it in the decision, which its
 * email states; a decision from before routing dated its assignments is counted here, on the same calendar and
 * clocks. Either way they are kept in the file: a calendar or clock changed later does not move a deadline a body
 * was already given. Dates that differ from this service's own count are kept, and logged: the two services were
 * given different files.
 */
public final class CaseRecorder {

    private static final Logger log = LoggerFactory.getLogger(CaseRecorder.class);

    private final StatutoryClocks clocks;

    public CaseRecorder(StatutoryClocks clocks) {
        this.clocks = clocks;
    }

    public ComplaintDecided decision(UUID complaintId, String reference, Instant receivedAt,
            @Nullable String trackingCodeHash, List<DecidedBody> bodies, Circumstances circumstances) {
        List<Assignment> assignments = bodies.stream().map(body -> {
            Deadlines counted = clocks.deadlines(body.authorityId(), body.authorityType(),
                    body.directoryAnswerWorkingDays(), receivedAt);
            Deadlines deadlines = body.dated() != null ? body.dated() : counted;
            if (!deadlines.equals(counted)) {
                log.warn("Routing dated {} of complaint {} {} where this service's clocks count {}: the two services "
                        + "may read different calendar or clocks files (docs/case.md, \"Deadlines\"); the body is "
                        + "held to routing's dates, which its email gave", body.authorityId(), complaintId,
                        deadlines, counted);
            }
            return new Assignment(body.authorityId(), body.authorityType(), body.authorityName(), body.role(),
                    body.language(), deadlines.acknowledgeBy(), deadlines.answerBy(), null, false, null, null, null);
        }).toList();
        return new ComplaintDecided(complaintId, reference, receivedAt, trackingCodeHash, assignments, circumstances);
    }

    public CaseFile record(@Nullable CaseFile current, CaseEvent event) {
        return (current == null ? CaseFile.open(event.complaintId()) : current).apply(event);
    }
}
