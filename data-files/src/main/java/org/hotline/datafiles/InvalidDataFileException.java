package org.hotline.datafiles;

import java.util.List;

/** A data file has problems, each reported as {@code file:line: problem}; what reads it does not use any of it. */
public final class InvalidDataFileException extends RuntimeException {

    private final List<String> problems;

    InvalidDataFileException(List<Problem> problems) {
        super("the file has " + problems.size() + " problem(s):\n  "
                + String.join("\n  ", problems.stream().map(Problem::toString).toList()));
        this.problems = problems.stream().map(Problem::toString).toList();
    }

    /** Every problem, as {@code file:line: problem}. */
    public List<String> problems() {
        return problems;
    }
}
