package org.hotline.routing.directory.application;

import java.io.IOException;

/** Where the directory's three files come from (a folder of the NGO's, or the sample on the classpath). */
public interface DirectorySource {

    String UNITS = "units.yml";
    String AUTHORITIES = "authorities.yml";
    String RULES = "rules.yml";

    /** Reads a file of the directory by name. */
    DirectoryFile read(String name) throws IOException;

    /** Where the files are, for log lines. */
    String description();
}
