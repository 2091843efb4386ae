package org.hotline.intake.partner.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.hotline.intake.partner.web.PartnerKeys;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Withdraws partner keys while the intake runs: the SHA-256 of each key to refuse, one per line, in a file that
 * every instance reads (a Kubernetes ConfigMap or Secret mounted as a volume, which the kubelet updates in place),
 * read at start and again every {@code refresh}. A file that does not exist withdraws nothing until it does (an
 * optional ConfigMap not yet created); one that exists but does not read or parse stops the start. Later, a
 * reading that fails (unreadable, a bad line, the file gone) leaves the keys withdrawn before as they were, logs
 * why once and counts each failure. Replace the file whole (write a copy, then move it over the old one; the
 * kubelet does so): a file read while an editor truncates and rewrites it may list only some keys.
 */
final class WithdrawnKeysFile implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WithdrawnKeysFile.class);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path file;
    private final Duration refresh;
    private final PartnerKeys keys;
    private final Counter failures;
    private volatile @Nullable ScheduledExecutorService scheduler;
    private volatile Set<String> current = Set.of();
    /** Whether the last reading failed: its cause is logged once, not at every reading until the file is mended. */
    private volatile boolean failing;

    WithdrawnKeysFile(Path file, Duration refresh, PartnerKeys keys, MeterRegistry registry) {
        this.file = file;
        this.refresh = refresh;
        this.keys = keys;
        this.failures = Counter.builder("hotline.intake.partner.withdrawn.keys.reload.failures")
                .description("Readings of the withdrawn partner keys file that failed; the keys withdrawn before "
                        + "stay withdrawn")
                .register(registry);
        Gauge.builder("hotline.intake.partner.withdrawn.keys", keys, PartnerKeys::withdrawnCount)
                .description("Partner keys withdrawn now, as the last good reading of the file listed them")
                .register(registry);
        if (!Files.exists(file)) {
            log.warn("{} does not exist: no partner key is withdrawn until it does", file);
            return;
        }
        try {
            current = read(file);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("hotline.intake.partners.withdrawn-keys-file " + file + " does not read: "
                    + e.getMessage(), e);
        }
        keys.withdraw(current);
        log.info("{} partner key(s) withdrawn, from {}", current.size(), file);
    }

    /** The SHA-256 of each line that is not blank nor a comment ({@code #}); refused whole for a bad line. */
    static Set<String> parse(List<String> lines) {
        Set<String> hashes = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String hash = line.toLowerCase(Locale.ROOT);
            if (!SHA256.matcher(hash).matches()) {
                throw new IllegalArgumentException("line " + (i + 1) + " is not the SHA-256 of a key (64 hex "
                        + "digits) nor a comment");
            }
            hashes.add(hash);
        }
        return hashes;
    }

    private static Set<String> read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    void reload() {
        Set<String> read;
        try {
            if (current.isEmpty() && !failing && !Files.exists(file)) {
                return;
            }
            read = read(file);
        } catch (IOException | RuntimeException e) {
            failures.increment();
            if (!failing) {
                failing = true;
                log.error("the withdrawn partner keys file {} did not read ({}); the {} key(s) withdrawn before stay "
                        + "withdrawn until it reads again", file, e.getMessage(), current.size());
            }
            return;
        }
        if (failing) {
            failing = false;
            log.info("the withdrawn partner keys file {} reads again", file);
        }
        if (!read.equals(current)) {
            current = read;
            keys.withdraw(read);
            log.info("{} partner key(s) withdrawn now, from {}", read.size(), file);
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "partner-withdrawn-keys");
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(this::reload, refresh.toMillis(), refresh.toMillis(), TimeUnit.MILLISECONDS);
        scheduler = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = scheduler;
        if (running != null) {
            running.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
