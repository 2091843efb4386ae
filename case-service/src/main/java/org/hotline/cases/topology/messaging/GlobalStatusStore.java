package org.hotline.cases.topology.messaging;

import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.hotline.cases.casefile.application.AllCaseFiles;
import org.hotline.cases.casefile.application.CaseFiles;
import org.hotline.cases.casefile.application.CaseFilesUnavailableException;
import org.hotline.cases.casefile.domain.CaseFile;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * The case files by reference, from the global store that every instance fills from the whole status topic: any
 * instance answers for any complaint, whichever instance owns the complaint's partition.
 */
final class GlobalStatusStore implements CaseFiles, AllCaseFiles {

    static final String STORE = "case-status-by-reference";
    /** A reference no case has: references are 60 bits of an HMAC, and these 60 bits are all zero. */
    private static final String ABSENT = "HL-0000-0000-0000";

    private final StreamsBuilderFactoryBean streams;
    private final CaseFileCodec codec;
    private final byte[] standIn;
    /** A reference the store had at the last hit: the lookup a miss makes to take as long as a hit. */
    private volatile @Nullable String lastFound;

    /**
     * @param standIn a file of typical size, decoded and dropped when a reference is not found before any was, so
     *     that a miss takes as long as a hit
     */
    GlobalStatusStore(StreamsBuilderFactoryBean streams, CaseFileCodec codec, CaseFile standIn) {
        this.streams = streams;
        this.codec = codec;
        this.standIn = codec.write(standIn);
    }

    @Override
    public Optional<CaseFile> byReference(String reference) {
        try {
            ReadOnlyKeyValueStore<String, byte[]> store = store();
            byte[] bytes = store.get(reference);
            // A found key and a missing one take the store different times (a miss ends at its filter), so each
            // question looks up one of each: a hit then asks for a reference no case has, a miss for the last one
            // found, and decodes what that gave (the stand-in until a first hit).
            String known = lastFound;
            byte[] other = store.get(bytes == null && known != null ? known : ABSENT);
            if (bytes == null) {
                decodeAndDrop(other != null ? other : standIn);
                return Optional.empty();
            }
            CaseFile file = codec.read(bytes);
            lastFound = reference;
            return Optional.of(file);
        } catch (InvalidStateStoreException e) {
            throw new CaseFilesUnavailableException("the status store is not ready: " + e.getMessage(), e);
        }
    }

    @Override
    public void forEach(Consumer<CaseFile> action) {
        try (KeyValueIterator<String, byte[]> all = store().all()) {
            all.forEachRemaining(entry -> action.accept(codec.read(entry.value)));
        } catch (InvalidStateStoreException e) {
            throw new CaseFilesUnavailableException("the status store is not ready: " + e.getMessage(), e);
        }
    }

    private ReadOnlyKeyValueStore<String, byte[]> store() {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null) {
            throw new CaseFilesUnavailableException("Kafka Streams is not started", new IllegalStateException());
        }
        return kafkaStreams.store(StoreQueryParameters.fromNameAndType(STORE, QueryableStoreTypes.keyValueStore()));
    }

    /**
     * A miss's decoding, for its time only. Another complaint's file that does not decode (written by a newer
     * version during a rolling upgrade) must not turn the miss into an error, which would tell the guesser that
     * the reference differs: the stand-in is decoded instead.
     */
    private void decodeAndDrop(byte[] bytes) {
        try {
            codec.read(bytes);
        } catch (RuntimeException e) {
            codec.read(standIn);
        }
    }
}
