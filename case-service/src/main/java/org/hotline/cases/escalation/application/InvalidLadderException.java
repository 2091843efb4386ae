package org.hotline.cases.escalation.application;

import java.util.List;

/** The ladder file does not describe a ladder the service can trust; every problem found is listed. */
public class InvalidLadderException extends RuntimeException {

    private final List<String> problems;

    public InvalidLadderException(List<String> problems) {
        super(problems.size() + " problem(s) in the escalation ladder:\n" + String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each as {@code file:line: problem}. */
    public List<String> problems() {
        return problems;
    }
}
