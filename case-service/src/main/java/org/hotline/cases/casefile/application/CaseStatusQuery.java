package org.hotline.cases.casefile.application;

import java.util.Optional;
import org.hotline.cases.casefile.domain.CaseFile;
import org.hotline.cases.casefile.domain.TrackingCodes;

/**
 * The complainant's question: reference and tracking code in, the case file out. An unknown reference and a wrong
 * code give the same empty answer after the same work (a found and a missing key looked up in the store, a decoded
 * file, one hash and one constant-time comparison), so the answer and its timing tell a guesser nothing about which
 * references exist (measured: benchmarks/run-status-timing-benchmark.sh).
 */
public final class CaseStatusQuery {

    private final CaseFiles files;

    public CaseStatusQuery(CaseFiles files) {
        this.files = files;
    }

    public Optional<CaseFile> status(String reference, String trackingCode) {
        Optional<CaseFile> file = files.byReference(reference);
        boolean matches = file.isPresent() && file.get().trackingCodeHash() != null
                ? TrackingCodes.matches(file.get().trackingCodeHash(), file.get().complaintId(), trackingCode)
                : TrackingCodes.matchesNothing(trackingCode);
        return matches ? file : Optional.empty();
    }
}
