package org.hotline.routing.directory.application;

/** The name and bytes of one file of the directory, read whole so that a reload sees one consistent state. */
public record DirectoryFile(String name, byte[] content) {
}
