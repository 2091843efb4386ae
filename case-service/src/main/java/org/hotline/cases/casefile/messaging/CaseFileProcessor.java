package org.hotline.cases.casefile.messaging;

import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.hotline.cases.casefile.application.CaseRecorder;
import org.hotline.cases.casefile.domain.CaseEvent;
import org.hotline.cases.casefile.domain.CaseFile;
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
 */
final class CaseFileProcessor implements Processor<String, byte[], String, byte[]> {

    static final String STORE = "case-files";
    private static final Logger log = LoggerFactory.getLogger(CaseFileProcessor.class);

    private final CaseEventReader reader;
    private final CaseRecorder recorder;
    private final CaseFileCodec codec;
    private final Runnable unreadable;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, byte[]> files;

    CaseFileProcessor(CaseEventReader reader, CaseRecorder recorder, CaseFileCodec codec, Runnable unreadable) {
        this.reader = reader;
        this.recorder = recorder;
        this.codec = codec;
        this.unreadable = unreadable;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.files = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        RecordMetadata where = context.recordMetadata().orElseThrow();
        Optional<CaseEvent> event;
        try {
            if (record.value() == null) {
                throw new UnreadableEventException("no value");
            }
            event = reader.read(where.topic(), record.value());
        } catch (UnreadableEventException e) {
            log.warn("Skipped unreadable record {}-{}@{}: {}", where.topic(), where.partition(), where.offset(),
                    e.getMessage());
            unreadable.run();
            return;
        }
        if (event.isEmpty()) {
            return;
        }
        String key = event.get().complaintId().toString();
        byte[] stored = files.get(key);
        CaseFile file = recorder.record(stored == null ? null : codec.read(stored), event.get());
        byte[] bytes = codec.write(file);
        files.put(key, bytes);
        if (file.reference() != null) {
            context.forward(record.withKey(file.reference()).withValue(bytes));
        }
    }
}
