package org.hotline.cases.casefile.application;

import java.util.function.Consumer;
import org.hotline.cases.casefile.domain.CaseFile;

/** Every case file, one at a time: for what looks at all of them, such as the retention check. */
public interface AllCaseFiles {

    /**
     * Hands every case file to {@code action}, one at a time, in no particular order, without holding them all.
     *
     * @throws CaseFilesUnavailableException while the files are not loaded
     */
    void forEach(Consumer<CaseFile> action);
}
