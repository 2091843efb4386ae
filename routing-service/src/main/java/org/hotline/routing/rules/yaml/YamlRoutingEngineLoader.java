package org.hotline.routing.rules.yaml;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.hotline.routing.directory.application.DirectoryFile;
import org.hotline.routing.directory.domain.Directory;
import org.hotline.routing.directory.domain.DirectoryProblem;
import org.hotline.routing.directory.domain.InvalidDirectoryException;
import org.hotline.routing.directory.yaml.DirectoryReader;
import org.hotline.routing.rules.application.RoutingEngineLoader;
import org.hotline.routing.rules.domain.RoutingEngine;
import org.hotline.routing.rules.domain.RuleBook;

/**
 * Builds a {@link RoutingEngine} from the directory's three YAML files: the directory's two read by the directory
 * feature, the rule book read here against it. Nothing is half-loaded: any problem in any file fails the whole load,
 * with every problem listed. The engine's version is the rule book's, with a digest of the three files.
 */
public final class YamlRoutingEngineLoader implements RoutingEngineLoader {

    private final DirectoryReader directoryReader = new DirectoryReader();
    private final RuleBookReader ruleBookReader = new RuleBookReader();

    /** @throws InvalidDirectoryException listing every problem found, each with its file and line */
    @Override
    public RoutingEngine load(DirectoryFile unitsFile, DirectoryFile authoritiesFile, DirectoryFile rulesFile) {
        List<DirectoryProblem> problems = new ArrayList<>();
        Directory directory = directoryReader.read(unitsFile, authoritiesFile, problems);
        RuleBook book = ruleBookReader.read(rulesFile, directory, problems);
        if (!problems.isEmpty() || book == null) {
            throw new InvalidDirectoryException(problems);
        }
        return new RoutingEngine(directory, book, book.version() + "@" + digest(unitsFile, authoritiesFile, rulesFile));
    }

    private static String digest(DirectoryFile... files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (DirectoryFile file : files) {
                sha.update(file.name().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(file.content());
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
