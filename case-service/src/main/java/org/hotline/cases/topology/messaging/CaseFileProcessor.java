package org.hotline.cases.topology.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * <p>Silence: every {@code checkInterval} of wall-clock time, the task reads each file of its partition and asks the
 * {@link SilenceCheck} what is due at the service's clock's time. A step due is recorded in the file and its event
 * forwarded for {@code cases.events.v1} in the same transaction as the store update, so it is issued once, also
 * across restarts and when the partition moves to another instance. The count of overdue assignments by body type
 * is refreshed by the same pass.
 *
 * <p>Complainant news: the complaint's sealed {@code complainant} block is kept, unopened, in the
 * {@code complainant-blocks} store (its changelog is internal to the service; it never reaches the status topic).
 * A body's first acknowledgement or answer, and each escalation, forward a {@code ComplainantUpdateDue} carrying the
 * block (see {@link ComplainantUpdates}), in the same transaction as the file's change.
 */
final class CaseFileProcessor implements Processor<String, byte[], String, CaseOutput> {

    static final String STORE = "case-files";
    static final String COMPLAINANTS = "complainant-blocks";
    private static final Logger log = LoggerFactory.getLogger(CaseFileProcessor.class);

    private final CaseEventReader reader;
    private final CaseRecorder recorder;
    private final CaseFileCodec codec;
    private final Runnable unreadable;
    private final Silence silence;
    private final ComplainantUpdates updates;
    private ProcessorContext<String, CaseOutput> context;
    private KeyValueStore<String, byte[]> files;
    private KeyValueStore<String, byte[]> complainants;
    private String task;

    /** What the silence check needs: the check, its events and metrics, the clock, and how often it runs. */
    record Silence(SilenceCheck check, LadderEvents events, LadderMetrics metrics, Clock clock, Duration interval) {
    }

    CaseFileProcessor(CaseEventReader reader, CaseRecorder recorder, CaseFileCodec codec, Runnable unreadable,
            Silence silence, ComplainantUpdates updates) {
        this.reader = reader;
        this.recorder = recorder;
        this.codec = codec;
        this.unreadable = unreadable;
        this.silence = silence;
        this.updates = updates;
    }

    @Override
    public void init(ProcessorContext<String, CaseOutput> context) {
        this.context = context;
        this.files = context.getStateStore(STORE);
        this.complainants = context.getStateStore(COMPLAINANTS);
        this.task = context.taskId().toString();
        context.schedule(silence.interval(), PunctuationType.WALL_CLOCK_TIME, this::checkSilence);
    }

    @Override
    public void close() {
        silence.metrics().forget(task);
    }

    @Override
    public void process(Record<String, byte[]> record) {
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
        @Nullable CaseFile before = stored == null ? null : codec.read(stored);
        CaseFile file = recorder.record(before, event.get());
        byte[] bytes = codec.write(file);
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

    private void forward(ComplainantUpdates.Update update, long timestamp) {
        context.forward(new Record<String, CaseOutput>(update.key(), new CaseOutput.Event(update.value()), timestamp,
                update.headers()));
    }

    private void checkSilence(long wallClockTime) {
        Instant now = silence.clock().instant();
        LocalDate today = silence.check().today(now);
        Map<LadderMetrics.Overdue, Long> overdue = new HashMap<>();
        List<KeyValue<String, SilenceCheck.Checked>> changed = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = files.all()) {
            while (all.hasNext()) {
                KeyValue<String, byte[]> entry = all.next();
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
                        overdue.merge(new LadderMetrics.Overdue(assignment.authorityType(), region(checked.file())),
                                1L, Long::sum);
                    }
                }
            }
        }
        // Written after the pass: a store written to while its iterator is open may or may not show the writes.
        for (KeyValue<String, SilenceCheck.Checked> entry : changed) {
            CaseFile file = entry.value.file();
            byte[] bytes = codec.write(file);
            files.put(entry.key, bytes);
            for (Due due : entry.value.dues()) {
                LadderEvent event = silence.events().of(due, file, now);
                context.forward(new Record<String, CaseOutput>(event.key(), new CaseOutput.Event(event.value()),
                        wallClockTime, event.headers()));
                silence.metrics().issued(due);
                log.info("Complaint {}: {} issued", file.complaintId(), event.eventType());
                if (due instanceof Due.EscalationDue escalation) {
                    updates.escalated(file, escalation.from(), escalation.to(), complainants.get(entry.key), now)
                            .ifPresent(update -> forward(update, wallClockTime));
                }
            }
            if (file.reference() != null) {
                context.forward(new Record<String, CaseOutput>(file.reference(), new CaseOutput.Status(bytes),
                        wallClockTime));
            }
        }
        silence.metrics().overdue(task, overdue);
    }
}
