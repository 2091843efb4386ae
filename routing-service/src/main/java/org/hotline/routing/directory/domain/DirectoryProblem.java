package org.hotline.routing.directory.domain;

/** One mistake in the directory's files: where it is and what is wrong, for the NGO's data steward. */
public record DirectoryProblem(String file, int line, String problem) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + problem;
    }
}
