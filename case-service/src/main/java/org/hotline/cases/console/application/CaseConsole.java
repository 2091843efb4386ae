package org.hotline.cases.console.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.hotline.cases.casefile.application.AllCaseFiles;
import org.hotline.cases.casefile.application.CaseFiles;
import org.hotline.cases.casefile.domain.CaseFile;
import org.hotline.cases.console.domain.CaseQueue;
import org.hotline.cases.console.domain.Disclosure;

/**
 * What the caseworker console shows: the queue of every case by lane, one case's file, and, for a case whose
 * complainant allowed it (CONFIDENTIAL or OPEN), the complainant's contact details and statement, opened from the
 * complaint's own record each time they are asked for and never kept. Who asked is audited by the security chain.
 */
public final class CaseConsole {

    private final CaseFiles files;
    private final AllCaseFiles all;
    private final ComplainantRecords complainants;
    private final Clock clock;
    private final ZoneId zone;
    private final int shownPerLane;

    public CaseConsole(CaseFiles files, AllCaseFiles all, ComplainantRecords complainants, Clock clock, ZoneId zone,
            int shownPerLane) {
        this.files = files;
        this.all = all;
        this.complainants = complainants;
        this.clock = clock;
        this.zone = zone;
        this.shownPerLane = shownPerLane;
    }

    /** Today in the calendar's zone: the day deadlines are counted against. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /**
     * Every case, by lane; reads them all, one at a time.
     *
     * @throws org.hotline.cases.casefile.application.CaseFilesUnavailableException while the files are not loaded
     */
    public CaseQueue queue() {
        CaseQueue queue = new CaseQueue(today(), shownPerLane);
        all.forEach(queue::add);
        return queue;
    }

    public Optional<CaseFile> caseFile(String reference) {
        return files.byReference(reference);
    }

    /**
     * The complainant of the case {@code reference}, opened.
     *
     * @return empty when there is no such case, or its complaint's record is not found
     * @throws NotDisclosedException for an ANONYMOUS complaint
     */
    public Optional<Disclosure> complainant(String reference) {
        Optional<CaseFile> file = files.byReference(reference);
        if (file.isEmpty() || file.get().receivedAt() == null) {
            return Optional.empty();
        }
        return complainants.open(file.get().complaintId(), file.get().receivedAt());
    }
}
