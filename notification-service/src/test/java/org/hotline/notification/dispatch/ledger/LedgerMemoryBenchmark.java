package org.hotline.notification.dispatch.ledger;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hotline.notification.dispatch.application.LedgerEntry;
import org.hotline.notification.dispatch.domain.FailureClass;
import org.jspecify.annotations.Nullable;

/**
 * What one sent message costs in the ledger's memory ({@link KafkaLedger}'s map of what each message is known to
 * be), which holds every message its partitions ever sent: the heap a map of that many sent messages takes after a
 * full collection, in three forms measured in the same run: each id kept as its string with a whole record of its state
 * per message (as before {@link MessageKeys}, the baseline), the id as {@link MessageKeys} keeps it with that same
 * record, and the id so with {@link LedgerEntry.Known#of}'s state (a sent message's is one shared instance). Each
 * entry is made as reading the ledger topic makes it: a fresh id string, fresh instants.
 *
 * <p>Not a test: run with {@code benchmarks/run-ledger-memory-benchmark.sh}; {@code -Dbench.messages} (300,000),
 * {@code -Dbench.output} (where the table goes).
 */
public final class LedgerMemoryBenchmark {

    private static final String DOMAIN = "@notification.hotline.invalid";
    private static final Instant START = Instant.parse("2026-12-07T00:00:00Z");

    private LedgerMemoryBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int messages = Integer.getInteger("bench.messages", 300_000);
        Path output = Path.of(System.getProperty("bench.output", "notification-service/target/ledger-memory.md"));
        MessageKeys keys = new MessageKeys();
        // Twice each, the first of each warming up; the table has the second.
        double asString = 0;
        double asKey = 0;
        double asKeyAndShared = 0;
        for (int round = 0; round < 2; round++) {
            asString = bytesPerMessage(messages, id -> id, Whole::new);
            asKey = bytesPerMessage(messages, keys::of, Whole::new);
            asKeyAndShared = bytesPerMessage(messages, keys::of, LedgerEntry.Known::of);
        }
        String table = """
                %,d messages in the ledger's memory, %s, Java %s, collectors %s

                | id kept as | state kept as | bytes a message | MB in all |
                |---|---|---:|---:|
                | its string (the baseline) | a record per message | %.1f | %.1f |
                | MessageKeys: the UUID's two numbers and the shared domain | a record per message | %.1f | %.1f |
                | MessageKeys | Known.of: one shared Done for every sent message | %.1f | %.1f |
                """.formatted(messages, Instant.now(), Runtime.version(), ManagementFactory.getGarbageCollectorMXBeans()
                        .stream().map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", ")),
                asString, asString * messages / 1e6,
                asKey, asKey * messages / 1e6,
                asKeyAndShared, asKeyAndShared * messages / 1e6);
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, table);
        System.out.print(table);
    }

    private static double bytesPerMessage(int messages, Function<String, Object> key, State state) {
        long before = usedAfterCollection();
        Map<Object, Object> known = new ConcurrentHashMap<>();
        for (int i = 0; i < messages; i++) {
            String id = new String((UUID.nameUUIDFromBytes(("message " + i).getBytes(StandardCharsets.UTF_8)) + DOMAIN)
                    .getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            Instant queuedAt = START.plusMillis(i);
            known.put(key.apply(id), state.of(LedgerEntry.Status.SENT, 1, null,
                    Instant.ofEpochMilli(queuedAt.toEpochMilli()), queuedAt.plusMillis(40), true));
        }
        long used = usedAfterCollection() - before;
        if (known.size() != messages) {
            throw new IllegalStateException(known.size() + " entries for " + messages + " messages");
        }
        return used / (double) messages;
    }

    /** How a message's state is kept. */
    @FunctionalInterface
    private interface State {
        Object of(LedgerEntry.Status status, int attempts, @Nullable FailureClass failure, Instant queuedAt,
                Instant at, boolean reported);
    }

    /** What the memory kept of every message before {@link LedgerEntry.Known#of}: all of its state. */
    private record Whole(LedgerEntry.Status status, int attempts, @Nullable FailureClass failure, Instant queuedAt,
            Instant at, boolean reported) {
    }

    private static long usedAfterCollection() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
