package org.hotline.cases.escalation.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.hotline.cases.escalation.domain.Ladder;
import org.hotline.cases.escalation.yaml.LadderLoader;

/** The ladder the service ships with, loaded as the service loads it, without Spring; or a test's own. */
public final class BundledLadder {

    private BundledLadder() {
    }

    public static Ladder kazakhstan() {
        try (InputStream in = BundledLadder.class.getResourceAsStream("/ladder/kz/ladder.yml")) {
            if (in == null) {
                throw new IllegalStateException("ladder/kz/ladder.yml is not on the classpath");
            }
            return new LadderLoader().load("ladder.yml", in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Ladder of(String yaml) {
        return new LadderLoader().load("test-ladder.yml", yaml.getBytes(StandardCharsets.UTF_8));
    }
}
