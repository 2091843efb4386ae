package org.hotline.cases.topology.messaging;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hotline.cases.casefile.domain.CaseFile;

/**
 * The case files a task wrote last, kept decoded beside the bytes the store holds for them. The events of one
 * complaint come close together (its receipt, routing's decision, then an outcome for each of its emails), and
 * parsing its file of a few kilobytes again for each took 142 of the stream thread's 310 samples in a profile at 30
 * complaints/s (docs/case.md, "Work per event"). A file is taken from here only when the store holds exactly the
 * bytes it was written as: after a rolled-back transaction, or for a file restored from the changelog, the store's
 * bytes are parsed, as before. Bounded: the {@code capacity} files written last.
 */
final class DecodedFiles {

    private record Decoded(byte[] bytes, CaseFile file) {
    }

    private final CaseFileCodec codec;
    private final Map<String, Decoded> latest;

    DecodedFiles(CaseFileCodec codec, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.codec = codec;
        this.latest = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Decoded> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The file the store's bytes hold, decoded only when they are not the ones last written here for the key. */
    CaseFile read(String key, byte[] stored) {
        Decoded decoded = latest.get(key);
        if (decoded != null && Arrays.equals(decoded.bytes(), stored)) {
            return decoded.file();
        }
        return codec.read(stored);
    }

    /** The file's bytes for the store, the file kept decoded beside them. */
    byte[] write(String key, CaseFile file) {
        byte[] bytes = codec.write(file);
        latest.put(key, new Decoded(bytes, file));
        return bytes;
    }

    /** Forgets every file: the next reads decode the store's bytes. */
    void clear() {
        latest.clear();
    }
}
