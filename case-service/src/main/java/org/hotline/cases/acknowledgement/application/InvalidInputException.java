package org.hotline.cases.acknowledgement.application;

import java.util.List;

/** What a body typed in its form, or a caseworker sent, needs fixing; nothing was recorded. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.size() + " field(s) need fixing");
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
