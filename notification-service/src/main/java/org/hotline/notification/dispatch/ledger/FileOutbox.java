package org.hotline.notification.dispatch.ledger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hotline.notification.dispatch.application.Outbox;
import org.hotline.notification.dispatch.application.OutboxEntry;
import org.hotline.notification.dispatch.application.Outcome;
import org.hotline.notification.dispatch.application.QueuedMessage;
import org.hotline.notification.dispatch.domain.FailureClass;
import org.hotline.notification.dispatch.domain.Language;
import org.hotline.notification.dispatch.domain.RecipientType;
import org.hotline.notification.sealing.domain.FieldSealer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox and ledger as an append-only file of JSON lines, each forced to disk ({@code fsync}) before the
 * call returns. On start the file is replayed; a torn last line (a crash mid-write) is ignored, which loses at
 * most the record being written. The file is then compacted: one line per message, rendered payloads kept
 * only for messages still pending. Message ids are kept for good, so a complaint replayed from the start of
 * the topic months later still sends nothing twice.
 *
 * <p>One instance per ledger directory: two services sharing a directory would each miss the other's sends.
 */
public final class FileOutbox implements Outbox, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FileOutbox.class);
    private static final String FILE = "ledger.jsonl";

    private enum Status { PENDING, INTENT, SENT, FAILED }

    private static final class State {
        QueuedMessage message;
        final Instant queuedAt;
        Status status = Status.PENDING;
        int attempts;
        Instant nextAttempt;
        @Nullable FailureClass failure;
        Instant settledAt;
        boolean reported = true;

        State(QueuedMessage message, Instant queuedAt) {
            this.message = message;
            this.queuedAt = queuedAt;
            this.nextAttempt = queuedAt;
            this.settledAt = queuedAt;
        }

        Outcome outcome() {
            return Outcome.of(message, status == Status.SENT, attempts, failure, settledAt);
        }

        OutboxEntry entry() {
            return new OutboxEntry(message, attempts, queuedAt);
        }
    }

    private final Path file;
    private final FieldSealer sealer;
    private final JsonMapper json;
    private final Map<String, State> states = new HashMap<>();
    private final Map<String, State> pending = new LinkedHashMap<>();
    private final Map<UUID, Set<String>> unsettled = new HashMap<>();
    private final Map<String, State> unreported = new LinkedHashMap<>();
    private final List<OutboxEntry> inDoubtAtStart;
    private FileChannel channel;
    private volatile boolean writable = true;

    public FileOutbox(Path directory, FieldSealer sealer, JsonMapper json) {
        this.sealer = sealer;
        this.json = json;
        try {
            Files.createDirectories(directory);
            this.file = directory.resolve(FILE);
            replay();
            this.inDoubtAtStart = states.values().stream().filter(state -> state.status == Status.INTENT)
                    .map(State::entry).toList();
            compact(directory);
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the notification ledger in " + directory, e);
        }
    }

    @Override
    public synchronized boolean contains(String messageId) {
        return states.containsKey(messageId);
    }

    @Override
    public synchronized boolean enqueue(QueuedMessage message, Instant now) {
        if (states.containsKey(message.messageId())) {
            return false;
        }
        append(queuedRecord(message, now));
        apply(new State(message, now));
        return true;
    }

    @Override
    public synchronized List<OutboxEntry> due(Instant now, int max) {
        List<OutboxEntry> due = new ArrayList<>();
        for (State state : pending.values()) {
            if (!state.nextAttempt.isAfter(now)) {
                due.add(state.entry());
            }
        }
        due.sort(Comparator.comparing(OutboxEntry::queuedAt));
        return due.size() > max ? List.copyOf(due.subList(0, max)) : due;
    }

    @Override
    public synchronized void recordIntent(String messageId, int attempt, Instant now) {
        append(LedgerRecord.progress(LedgerRecord.INTENT, messageId, attempt, null, now, null));
        transition(messageId, LedgerRecord.INTENT, attempt, null, now);
    }

    @Override
    public synchronized void recordSent(String messageId, int attempt, Instant now) {
        append(LedgerRecord.progress(LedgerRecord.SENT, messageId, attempt, null, now, null));
        transition(messageId, LedgerRecord.SENT, attempt, null, now);
    }

    @Override
    public synchronized void recordRetry(String messageId, int attempt, FailureClass failure, Instant nextAttempt) {
        append(LedgerRecord.progress(LedgerRecord.RETRY, messageId, attempt, failure.name(), Instant.now(),
                nextAttempt));
        transition(messageId, LedgerRecord.RETRY, attempt, failure.name(), nextAttempt);
    }

    @Override
    public synchronized void recordFailed(String messageId, int attempt, FailureClass failure, Instant now) {
        append(LedgerRecord.progress(LedgerRecord.FAILED, messageId, attempt, failure.name(), now, null));
        transition(messageId, LedgerRecord.FAILED, attempt, failure.name(), now);
    }

    @Override
    public synchronized void recordReported(String messageId) {
        State state = unreported.get(messageId);
        if (state == null) {
            return;
        }
        append(LedgerRecord.progress(LedgerRecord.REPORTED, messageId, state.attempts, null, Instant.now(), null),
                false);
        transition(messageId, LedgerRecord.REPORTED, state.attempts, null, state.settledAt);
    }

    @Override
    public synchronized List<Outcome> unreported(int max) {
        return unreported.values().stream().limit(max).map(State::outcome).toList();
    }

    @Override
    public synchronized List<OutboxEntry> inDoubt() {
        return inDoubtAtStart;
    }

    @Override
    public synchronized boolean settled(UUID complaintId) {
        Set<String> open = unsettled.get(complaintId);
        return open == null || open.isEmpty();
    }

    @Override
    public synchronized int pending() {
        return pending.size();
    }

    /** Whether the last write reached the disk. */
    public boolean writable() {
        return writable;
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            log.warn("closing the ledger failed", e);
        }
    }

    private void apply(State state) {
        states.put(state.message.messageId(), state);
        if ((state.status == Status.SENT || state.status == Status.FAILED) && !state.reported) {
            unreported.put(state.message.messageId(), state);
        }
        if (state.status == Status.PENDING || state.status == Status.INTENT) {
            if (state.status == Status.PENDING) {
                pending.put(state.message.messageId(), state);
            }
            unsettled.computeIfAbsent(state.message.complaintId(), id -> new HashSet<>())
                    .add(state.message.messageId());
        }
    }

    private void transition(String messageId, String type, int attempt, @Nullable String failure, Instant at) {
        State state = states.get(messageId);
        if (state == null) {
            log.warn("ledger record {} for unknown message {} ignored", type, messageId);
            return;
        }
        if (LedgerRecord.REPORTED.equals(type)) {
            state.reported = true;
            unreported.remove(messageId);
            return;
        }
        state.attempts = attempt;
        switch (type) {
            case LedgerRecord.INTENT -> {
                state.status = Status.INTENT;
                pending.remove(messageId);
            }
            case LedgerRecord.RETRY -> {
                state.status = Status.PENDING;
                state.nextAttempt = at;
                pending.put(messageId, state);
                unsettled.computeIfAbsent(state.message.complaintId(), id -> new HashSet<>()).add(messageId);
            }
            case LedgerRecord.SENT, LedgerRecord.FAILED -> {
                state.status = LedgerRecord.SENT.equals(type) ? Status.SENT : Status.FAILED;
                // Settled messages stay known for good, but their rendered content is not needed again: keeping
                // it made memory grow with every message ever sent, until the container was killed.
                state.message = state.message.withoutContent();
                state.failure = failure == null ? null : FailureClass.valueOf(failure);
                state.settledAt = at;
                state.reported = false;
                unreported.put(messageId, state);
                pending.remove(messageId);
                Set<String> open = unsettled.get(state.message.complaintId());
                if (open != null) {
                    open.remove(messageId);
                    if (open.isEmpty()) {
                        unsettled.remove(state.message.complaintId());
                    }
                }
            }
            default -> throw new IllegalStateException("unknown ledger record type " + type);
        }
    }

    private void append(LedgerRecord record) {
        append(record, true);
    }

    private void append(LedgerRecord record, boolean durable) {
        byte[] line = (json.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (durable) {
                channel.force(false);
            }
            writable = true;
        } catch (IOException e) {
            writable = false;
            throw new UncheckedIOException("cannot write the notification ledger " + file, e);
        }
    }

    private void replay() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        int lineNumber = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                LedgerRecord record;
                try {
                    record = json.readValue(line, LedgerRecord.class);
                } catch (JacksonException e) {
                    log.warn("ledger line {} is unreadable (torn by a crash?) and ignored", lineNumber);
                    continue;
                }
                replay(record);
            }
        }
    }

    private void replay(LedgerRecord record) {
        switch (record.type()) {
            case LedgerRecord.QUEUED, LedgerRecord.STATE -> {
                if (states.containsKey(record.messageId())) {
                    return;
                }
                State state = new State(toMessage(record), record.queuedAt() == null ? record.at() : record.queuedAt());
                if (record.status() != null) {
                    state.status = Status.valueOf(record.status());
                }
                state.attempts = record.attempt();
                if (record.nextAttempt() != null) {
                    state.nextAttempt = record.nextAttempt();
                }
                state.failure = record.failure() == null ? null : FailureClass.valueOf(record.failure());
                state.settledAt = record.at();
                state.reported = !Boolean.FALSE.equals(record.reported());
                apply(state);
            }
            default -> transition(record.messageId(), record.type(), record.attempt(), record.failure(),
                    LedgerRecord.RETRY.equals(record.type()) && record.nextAttempt() != null ? record.nextAttempt()
                            : record.at());
        }
    }

    private void compact(Path directory) throws IOException {
        Path compacted = directory.resolve(FILE + ".compacting");
        try (FileChannel out = FileChannel.open(compacted, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            for (State state : states.values()) {
                boolean live = state.status == Status.PENDING || state.status == Status.INTENT;
                LedgerRecord record = queuedRecord(state, live);
                ByteBuffer buffer = ByteBuffer.wrap((json.writeValueAsString(record) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
            }
            out.force(true);
        }
        Files.move(compacted, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            log.debug("directory fsync not supported here", e);
        }
    }

    private LedgerRecord queuedRecord(QueuedMessage message, Instant queuedAt) {
        return new LedgerRecord(LedgerRecord.QUEUED, message.messageId(), message.complaintId(), message.reference(),
                message.receivedAt(), message.recipientType().name(), message.authorityId(), message.template(),
                message.language().code(), sealer.seal(message.mime(), payloadContext(message.messageId())),
                queuedAt, null, 0, null, queuedAt, queuedAt, null);
    }

    /** The compacted line of a message: its state, and for a settled one its result and whether it was reported. */
    private LedgerRecord queuedRecord(State state, boolean withPayload) {
        QueuedMessage message = state.message;
        boolean settled = state.status == Status.SENT || state.status == Status.FAILED;
        return new LedgerRecord(LedgerRecord.STATE, message.messageId(), message.complaintId(), message.reference(),
                message.receivedAt(), message.recipientType().name(), message.authorityId(), message.template(),
                message.language().code(),
                withPayload ? sealer.seal(message.mime(), payloadContext(message.messageId())) : null,
                state.queuedAt, state.status.name(), state.attempts,
                state.failure == null ? null : state.failure.name(), settled ? state.settledAt : state.queuedAt,
                state.nextAttempt, settled ? state.reported : null);
    }

    private QueuedMessage toMessage(LedgerRecord record) {
        byte[] mime = record.payload() == null ? new byte[0]
                : sealer.open(record.payload(), payloadContext(record.messageId()));
        return new QueuedMessage(record.messageId(), require(record.complaintId(), record),
                require(record.reference(), record), require(record.receivedAt(), record),
                RecipientType.valueOf(require(record.recipientType(), record)), record.authorityId(),
                require(record.template(), record),
                Language.fromCode(require(record.language(), record)).orElse(Language.RU), mime);
    }

    private static <T> T require(@Nullable T value, LedgerRecord record) {
        if (value == null) {
            throw new IllegalStateException("ledger record of message " + record.messageId() + " is incomplete");
        }
        return value;
    }

    private static String payloadContext(String messageId) {
        return "notification.outbox/" + messageId;
    }
}
