package org.hotline.routing.directory.config;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import org.hotline.routing.directory.application.DirectoryFile;
import org.hotline.routing.directory.application.DirectorySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/** The directory's files read through Spring's resource locations ({@code file:} or {@code classpath:}). */
final class ResourceDirectorySource implements DirectorySource {

    private final ResourceLoader resources;
    private final String location;

    ResourceDirectorySource(ResourceLoader resources, String location) {
        this.resources = resources;
        this.location = location.endsWith("/") ? location : location + "/";
    }

    @Override
    public DirectoryFile read(String name) throws IOException {
        Resource resource = resources.getResource(location + name);
        if (!resource.exists()) {
            throw new FileNotFoundException(location + name + " does not exist");
        }
        try (InputStream in = resource.getInputStream()) {
            return new DirectoryFile(name, in.readAllBytes());
        }
    }

    @Override
    public String description() {
        return location;
    }
}
