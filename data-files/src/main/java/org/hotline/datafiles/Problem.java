package org.hotline.datafiles;

/** One thing wrong in a data file, at a line from 1; read as {@code file:line: problem}. */
public record Problem(String file, int line, String problem) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + problem;
    }
}
