package org.hotline.cases.topology.messaging;

import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.hotline.cases.casefile.application.CaseFiles;
import org.hotline.cases.casefile.application.CaseFilesUnavailableException;
import org.hotline.cases.casefile.domain.CaseFile;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * The case files by reference, from the global store that every instance fills from the whole status topic: any
 * instance answers for any complaint, whichever instance owns the complaint's partition.
 */
final class GlobalStatusStore implements CaseFiles {

    static final String STORE = "case-status-by-reference";

    private final StreamsBuilderFactoryBean streams;
    private final CaseFileCodec codec;
    private final byte[] standIn;

    /**
     * @param standIn a file of typical size, decoded and dropped when a reference is not found, so that a miss
     *     takes as long as a hit
     */
    GlobalStatusStore(StreamsBuilderFactoryBean streams, CaseFileCodec codec, CaseFile standIn) {
        this.streams = streams;
        this.codec = codec;
        this.standIn = codec.write(standIn);
    }

    @Override
    public Optional<CaseFile> byReference(String reference) {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null) {
            throw new CaseFilesUnavailableException("Kafka Streams is not started", new IllegalStateException());
        }
        try {
            ReadOnlyKeyValueStore<String, byte[]> store = kafkaStreams.store(StoreQueryParameters.fromNameAndType(
                    STORE, QueryableStoreTypes.keyValueStore()));
            byte[] bytes = store.get(reference);
            CaseFile file = codec.read(bytes == null ? standIn : bytes);
            return bytes == null ? Optional.empty() : Optional.of(file);
        } catch (InvalidStateStoreException e) {
            throw new CaseFilesUnavailableException("the status store is not ready: " + e.getMessage(), e);
        }
    }
}
