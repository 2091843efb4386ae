package org.hotline.cases.directory.application;

import java.util.List;

/** The authorities file cannot be used; the message lists every problem, each with its file and line. */
public class InvalidDirectoryException extends RuntimeException {

    private final List<String> problems;

    public InvalidDirectoryException(List<String> problems) {
        super("The authorities file has " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
