package org.hotline.routing.rules.application;

import java.io.IOException;
import org.hotline.routing.directory.application.DirectoryFile;
import org.hotline.routing.directory.application.DirectorySource;
import org.hotline.routing.directory.domain.InvalidDirectoryException;
import org.hotline.routing.rules.domain.RoutingEngine;

/** Builds a routing engine from the directory's three files, whatever their format. */
public interface RoutingEngineLoader {

    /** @throws InvalidDirectoryException listing every problem found, each with its file and line */
    RoutingEngine load(DirectoryFile units, DirectoryFile authorities, DirectoryFile rules);

    /** The engine of the files the source holds now. */
    default RoutingEngine load(DirectorySource source) throws IOException {
        return load(source.read(DirectorySource.UNITS), source.read(DirectorySource.AUTHORITIES),
                source.read(DirectorySource.RULES));
    }
}
