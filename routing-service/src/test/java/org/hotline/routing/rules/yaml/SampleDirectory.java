package org.hotline.routing.rules.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.hotline.routing.directory.application.DirectoryFile;
import org.hotline.routing.directory.application.DirectorySource;
import org.hotline.routing.rules.domain.RoutingEngine;

/** The sample Kazakhstan directory from the classpath, optionally with some files replaced by test text. */
public final class SampleDirectory implements DirectorySource {

    private final Map<String, String> replaced = new HashMap<>();

    public static RoutingEngine engine() {
        try {
            return new YamlRoutingEngineLoader().load(new SampleDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample with one file's text replaced. */
    public SampleDirectory with(String file, String text) {
        replaced.put(file, text);
        return this;
    }

    /** The text of a sample file. */
    public static String text(String file) {
        try {
            return new String(new SampleDirectory().read(file).content(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public DirectoryFile read(String name) throws IOException {
        if (replaced.containsKey(name)) {
            return new DirectoryFile(name, replaced.get(name).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        try (InputStream in = SampleDirectory.class.getResourceAsStream("/directory/kz/" + name)) {
            if (in == null) {
                throw new IOException("no sample file " + name);
            }
            return new DirectoryFile(name, in.readAllBytes());
        }
    }

    @Override
    public String description() {
        return "classpath:directory/kz/";
    }
}
