package org.hotline.routing.rules.application;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.hotline.routing.directory.application.DirectoryFile;
import org.hotline.routing.directory.application.DirectoryMetrics;
import org.hotline.routing.directory.application.DirectorySource;
import org.hotline.routing.directory.domain.InvalidDirectoryException;
import org.hotline.routing.rules.domain.RoutingEngine;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routing engine in use, and its replacement when the directory's files change. A reload that fails
 * (a file missing, a mistake in it) keeps the engine that was running: complaints keep being routed by the last
 * good directory while the data steward fixes the files, and the failure is logged with every problem's file
 * and line and counted in a metric. The first load, at start, has no such fallback and fails the start.
 */
public final class CurrentRoutingEngine {

    private static final Logger log = LoggerFactory.getLogger(CurrentRoutingEngine.class);

    private final DirectorySource source;
    private final RoutingEngineLoader loader;
    private final DirectoryMetrics metrics;
    private final AtomicReference<RoutingEngine> engine = new AtomicReference<>();
    private volatile byte @Nullable [] lastSeen;

    public CurrentRoutingEngine(DirectorySource source, RoutingEngineLoader loader, DirectoryMetrics metrics)
            throws IOException {
        this.source = source;
        this.loader = loader;
        this.metrics = metrics;
        Snapshot snapshot = snapshot();
        RoutingEngine first = loader.load(snapshot.units, snapshot.authorities, snapshot.rules);
        engine.set(first);
        lastSeen = snapshot.fingerprint;
        metrics.loaded(first.rulesVersion(), first.directory().authorityCount(), first.ruleBook().rules().size());
        log.info("Loaded jurisdiction directory {} from {}: {} units, {} authorities, {} rules", first.rulesVersion(),
                source.description(), first.directory().unitCount(), first.directory().authorityCount(),
                first.ruleBook().rules().size());
    }

    public RoutingEngine engine() {
        return engine.get();
    }

    /**
     * Reads the files and swaps in a new engine built from them.
     *
     * @throws InvalidDirectoryException when the files have mistakes; the old engine stays in use
     * @throws IOException when a file cannot be read; the old engine stays in use
     */
    public synchronized RoutingEngine reload() throws IOException {
        Snapshot snapshot;
        RoutingEngine next;
        try {
            snapshot = snapshot();
            lastSeen = snapshot.fingerprint;
            next = loader.load(snapshot.units, snapshot.authorities, snapshot.rules);
        } catch (IOException | RuntimeException e) {
            metrics.reloadFailed();
            log.error("Reloading the jurisdiction directory from {} failed; still routing with {}. {}",
                    source.description(), engine.get().rulesVersion(), e.getMessage());
            throw e;
        }
        RoutingEngine previous = engine.getAndSet(next);
        metrics.loaded(next.rulesVersion(), next.directory().authorityCount(), next.ruleBook().rules().size());
        log.info("Reloaded jurisdiction directory from {}: {} -> {}", source.description(), previous.rulesVersion(),
                next.rulesVersion());
        return next;
    }

    /**
     * Reloads when the files differ from the last ones seen (loaded or failed), so that a broken file is
     * reported once, not at every check.
     *
     * @return whether a reload was attempted
     */
    public synchronized boolean reloadIfChanged() {
        try {
            if (Arrays.equals(snapshot().fingerprint, lastSeen)) {
                return false;
            }
            reload();
        } catch (IOException | RuntimeException e) {
            // Logged and counted by reload(), or a read error worth one line here.
            if (!(e instanceof InvalidDirectoryException)) {
                log.warn("Checking the jurisdiction directory for changes failed: {}", e.toString());
            }
        }
        return true;
    }

    private Snapshot snapshot() throws IOException {
        DirectoryFile units = source.read(DirectorySource.UNITS);
        DirectoryFile authorities = source.read(DirectorySource.AUTHORITIES);
        DirectoryFile rules = source.read(DirectorySource.RULES);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(units.content());
            sha.update((byte) 0);
            sha.update(authorities.content());
            sha.update((byte) 0);
            sha.update(rules.content());
            return new Snapshot(units, authorities, rules, sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private record Snapshot(DirectoryFile units, DirectoryFile authorities, DirectoryFile rules, byte[] fingerprint) {
    }
}
