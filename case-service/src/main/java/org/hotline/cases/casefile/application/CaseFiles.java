package org.hotline.cases.casefile.application;

import java.util.Optional;
import org.hotline.cases.casefile.domain.CaseFile;

/** The case files as the status questions see them. */
public interface CaseFiles {

    /** @throws CaseFilesUnavailableException while the files are not loaded (starting, or the broker lost) */
    Optional<CaseFile> byReference(String reference);
}
