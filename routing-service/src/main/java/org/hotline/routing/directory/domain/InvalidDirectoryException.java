package org.hotline.routing.directory.domain;

import java.util.List;
import java.util.stream.Collectors;

/** The directory's files do not describe a consistent directory; every problem found is listed. */
public class InvalidDirectoryException extends RuntimeException {

    private final List<DirectoryProblem> problems;

    public InvalidDirectoryException(List<DirectoryProblem> problems) {
        super(problems.size() + " problem(s) in the jurisdiction directory:\n" + problems.stream()
                .map(DirectoryProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<DirectoryProblem> problems() {
        return problems;
    }
}
