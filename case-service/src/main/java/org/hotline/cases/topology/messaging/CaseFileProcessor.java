package org.hotline.cases.topology.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.hotline.cases.casefile.application.CaseRecorder;
import org.hotline.cases.casefile.domain.CaseEvent;
import org.hotline.cases.casefile.domain.Assignment;
import org.hotline.cases.casefile.domain.AssignmentState;
import org.hotline.cases.casefile.domain.CaseFile;
import org.hotline.cases.escalation.domain.SilenceCheck;
import org.hotline.cases.escalation.domain.SilenceCheck.Due;
import org.hotline.cases.escalation.messaging.LadderEvents;
import org.hotline.cases.escalation.messaging.LadderEvents.LadderEvent;
import org.hotline.cases.escalation.messaging.LadderMetrics;
import org.hotline.web.tracing.ComplaintTracing;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One record of any of the four topics, applied to its complaint's case file in the {@code case-files} store
 * (keyed by complaint id, backed by a changelog topic). The updated file is forwarded keyed by its reference, for
 * the status topic. Store, changelog, forward and consumed offset commit in one Kafka transaction (exactly-once
 * v2), so a crash repeats nothing and loses nothing.
 *
 * <p>Failure handling: a record that is not the event its topic promises is skipped, logged with its place and
 * counted (retrying cannot make it readable; the topics are kept for ever, so it can be replayed once understood).
 * Any other failure (the broker, the store) stops the stream thread, which Kafka Streams replaces; the
 * transaction rolls back and the records are read again.
 *
 * <p>Silence: every {@code checkInterval} of wall-clock time, the task starts a pass over the files of its partition
 * and asks the {@link SilenceCheck} what is due for each at the service's clock's time. A pass reads at most
 * {@code batch} files per step, one step a second (or every {@code checkInterval} when that is shorter), so that
 * what a step adds to the stream thread's transaction does not grow with the partition: a pass over every file in
 * one go held the stream thread, and so the transaction, past its timeout at about 190,000 files on two cores, and
 * the broker fenced the instance again and again (docs/case.md). A step due is recorded in the file and its event
 * forwarded for {@code cases.events.v1} in the same transaction as the store update, so it is issued once, also
 * across restarts and when the partition moves to another instance. The count of overdue assignments by body type
 * is refreshed when a pass ends.
 *
 * <p>Complainant news: the complaint's sealed {@code complainant} block is kept, unopened, in the
 * {@code complainant-blocks} store (its changelog is internal to the service; it never reaches the status topic).
 * A body's first acknowledgement or answer, and each escalation, forward a {@code ComplainantUpdateDue} carrying the
 * block (see {@link ComplainantUpdates}), in the same transaction as the file's change.
 *
 * <p>Each record is applied in a span that continues the trace its {@code traceparent} header carries, with the
 * complaint id in the logs meanwhile. The status it forwards keeps the record's headers, as Kafka Streams does; the
 * complainant's news a record calls for carries on its trace. What the silence check issues for a complaint starts
 * from the clock rather than a record: a span "check silence" of a new trace, tagged with the complaint id, which its
 * reminders, escalations and the complainant's news carry on (docs/operations.md, "Following one complaint").
 */
final class CaseFileProcessor implements Processor<String, byte[], String, CaseOutput> {

    static final String STORE = "case-files";
    static final String COMPLAINANTS = "complainant-blocks";
    /**
     * How many of its latest files a task keeps decoded: a complaint's events come within a second or two at a steady
     * rate, and a task takes a sixth of them (six partitions).
     */
    private static final int DECODED_FILES = 64;
    private static final Logger log = LoggerFactory.getLogger(CaseFileProcessor.class);

    private final CaseEventReader reader;
    private final CaseRecorder recorder;
    private final CaseFileCodec codec;
    private final DecodedFiles decoded;
    private final Runnable unreadable;
    private final Silence silence;
    private final ComplainantUpdates updates;
    private final ComplaintTracing tracing;
    private ProcessorContext<String, CaseOutput> context;
    private KeyValueStore<String, byte[]> files;
    private KeyValueStore<String, byte[]> complainants;
    private String task;
    private @Nullable SilencePass pass;
    private long nextPassAt;

    /**
     * What the silence check needs: the check, its events and metrics, the clock, how often a pass over the files
     * starts, and how many files a step of it reads at most.
     */
    record Silence(SilenceCheck check, LadderEvents events, LadderMetrics metrics, Clock clock, Duration interval,
            int batch) {

        Silence {
            if (batch < 1) {
                throw new IllegalArgumentException("batch must be at least 1");
            }
        }

        /** How often a step of a pass runs: a second, or the interval between passes when that is shorter. */
        Duration step() {
            Duration second = Duration.ofSeconds(1);
            return interval.compareTo(second) < 0 ? interval : second;
        }
    }

    /** A pass over the files of the task's partition in progress: where it stopped, and what it has counted. */
    private static final class SilencePass {
        private @Nullable String after;
        private final Map<LadderMetrics.Overdue, Long> overdue = new HashMap<>();
        private int files;
        private int steps;
        private long workNanos;
        private final long startedNanos = System.nanoTime();
    }

    CaseFileProcessor(CaseEventReader reader, CaseRecorder recorder, CaseFileCodec codec, Runnable unreadable,
            Silence silence, ComplainantUpdates updates, ComplaintTracing tracing) {
        this.reader = reader;
        this.recorder = recorder;
        this.codec = codec;
        this.decoded = new DecodedFiles(codec, DECODED_FILES);
        this.unreadable = unreadable;
        this.silence = silence;
        this.updates = updates;
        this.tracing = tracing;
    }

    @Override
    public void init(ProcessorContext<String, CaseOutput> context) {
        this.context = context;
        this.files = context.getStateStore(STORE);
        this.complainants = context.getStateStore(COMPLAINANTS);
        this.task = context.taskId().toString();
        // A task revived after a failed transaction may keep this processor and call init again: the steps since
        // the last commit were rolled back, so the pass starts over rather than going on past their files, and the
        // files decoded meanwhile are forgotten (they would not be taken anyway: their bytes are no longer stored).
        this.pass = null;
        this.nextPassAt = 0;
        this.decoded.clear();
        context.schedule(silence.step(), PunctuationType.WALL_CLOCK_TIME, this::checkSilence);
    }

    @Override
    public void close() {
        silence.metrics().forget(task);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        try (ComplaintTracing.Work work = tracing.start("record case event",
                record.key() == null ? "" : record.key(), name -> header(record, name))) {
            apply(record);
        }
    }

    private static @Nullable String header(Record<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private void apply(Record<String, byte[]> record) {
        RecordMetadata where = context.recordMetadata().orElseThrow();
        CaseEventReader.Read read;
        try {
            if (record.value() == null) {
                throw new UnreadableEventException("no value");
            }
            read = reader.read(where.topic(), record.value());
        } catch (UnreadableEventException e) {
            log.warn("Skipped unreadable record {}-{}@{}: {}", where.topic(), where.partition(), where.offset(),
                    e.getMessage());
            unreadable.run();
            return;
        }
        Optional<CaseEvent> event = read.event();
        if (event.isEmpty()) {
            return;
        }
        String key = event.get().complaintId().toString();
        byte[] complainant = complainants.get(key);
        if (complainant == null && read.complainant() != null) {
            complainant = read.complainant();
            complainants.put(key, complainant);
        }
        byte[] stored = files.get(key);
        @Nullable CaseFile before = stored == null ? null : decoded.read(key, stored);
        CaseFile file = recorder.record(before, event.get());
        byte[] bytes = decoded.write(key, file);
        files.put(key, bytes);
        silence.metrics().acknowledgements(before, file);
        if (file.reference() != null) {
            context.forward(record.withKey(file.reference()).withValue(new CaseOutput.Status(bytes)));
        }
        updates.after(before, file, event.get(), complainant, silence.clock().instant())
                .ifPresent(update -> forward(update, record.timestamp()));
    }

    private static String region(CaseFile file) {
        String region = file.circumstances() == null ? null : file.circumstances().region();
        return region == null ? LadderMetrics.UNKNOWN_REGION : region;
    }

    /**
     * Forwards a complainant's news in the current span's trace: the record's, so that the letter is sent in the trace
     * of what the body did, or the silence check's.
     */
    private void forward(ComplainantUpdates.Update update, long timestamp) {
        context.forward(new Record<String, CaseOutput>(update.key(), new CaseOutput.Event(update.value()), timestamp,
                withCurrentTrace(update.headers())));
    }

    /** The headers, with the current span's context ({@code traceparent}) added. */
    private Headers withCurrentTrace(Headers headers) {
        tracing.currentContext().forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return headers;
    }

    private void checkSilence(long wallClockTime) {
        if (pass == null) {
            if (wallClockTime < nextPassAt) {
                return;
            }
            pass = new SilencePass();
            nextPassAt = wallClockTime + silence.interval().toMillis();
        }
        SilencePass current = pass;
        long stepStarted = System.nanoTime();
        Instant now = silence.clock().instant();
        LocalDate today = silence.check().today(now);
        List<KeyValue<String, SilenceCheck.Checked>> changed = new ArrayList<>();
        boolean ended;
        // The store iterates in key order, so a step goes on from the last key of the one before; files written
        // meanwhile are read by this pass when their key is still ahead, else by the next.
        try (KeyValueIterator<String, byte[]> files = current.after == null ? this.files.all()
                : this.files.range(current.after, null)) {
            int read = 0;
            while (read < silence.batch() && files.hasNext()) {
                KeyValue<String, byte[]> entry = files.next();
                if (entry.key.equals(current.after)) {
                    continue;
                }
                read++;
                current.after = entry.key;
                SilenceCheck.Checked checked = silence.check().check(codec.read(entry.value), now);
                if (!checked.dues().isEmpty()) {
                    changed.add(KeyValue.pair(entry.key, checked));
                }
                // A closed case is nobody's to chase: its silent bodies no longer count as overdue.
                List<Assignment> followed = checked.file().closed() ? List.of() : checked.file().assignments();
                for (Assignment assignment : followed) {
                    AssignmentState state = assignment.state(today);
                    // A body escalated past is still silent past its deadline: it counts until it answers.
                    if (state == AssignmentState.ACKNOWLEDGEMENT_OVERDUE || state == AssignmentState.ANSWER_OVERDUE
                            || state == AssignmentState.ESCALATED) {
                        current.overdue.merge(new LadderMetrics.Overdue(assignment.authorityType(),
                                region(checked.file())), 1L, Long::sum);
                    }
                }
            }
            current.files += read;
            current.steps++;
            ended = !files.hasNext();
        }
        // Written after the step: a store written to while its iterator is open may or may not show the writes.
        for (KeyValue<String, SilenceCheck.Checked> entry : changed) {
            CaseFile file = entry.value.file();
            byte[] bytes = decoded.write(entry.key, file);
            files.put(entry.key, bytes);
            // What the clock found for this complaint starts a trace of its own, which the letters carry on.
            try (ComplaintTracing.Work work = tracing.startNew("check silence", file.complaintId().toString())) {
                for (Due due : entry.value.dues()) {
                    LadderEvent event = silence.events().of(due, file, now);
                    context.forward(new Record<String, CaseOutput>(event.key(), new CaseOutput.Event(event.value()),
                            wallClockTime, withCurrentTrace(event.headers())));
                    silence.metrics().issued(due);
                    log.info("Complaint {}: {} issued", file.complaintId(), event.eventType());
                    if (due instanceof Due.EscalationDue escalation) {
                        updates.escalated(file, escalation.from(), escalation.to(), escalation.step().reason(),
                                complainants.get(entry.key), now).ifPresent(update -> forward(update, wallClockTime));
                    }
                }
            }
            if (file.reference() != null) {
                context.forward(new Record<String, CaseOutput>(file.reference(), new CaseOutput.Status(bytes),
                        wallClockTime));
            }
        }
        current.workNanos += System.nanoTime() - stepStarted;
        if (ended) {
            silence.metrics().overdue(task, current.overdue);
            log.debug("Silence check of task {}: {} files in {} steps, {} ms of work over {} ms", task, current.files,
                    current.steps, current.workNanos / 1_000_000,
                    (System.nanoTime() - current.startedNanos) / 1_000_000);
            pass = null;
        }
    }
}
