package org.hotline.cases.topology.messaging;

import org.hotline.cases.casefile.domain.CaseFile;
import tools.jackson.databind.json.JsonMapper;

/**
 * A case file as JSON, in the state store, its changelog and the status topic. The records of the domain are
 * written as they are: a field added later must be nullable, so that files written before it still read.
 */
final class CaseFileCodec {

    private final JsonMapper json;

    CaseFileCodec(JsonMapper json) {
        this.json = json;
    }

    byte[] write(CaseFile file) {
        return json.writeValueAsBytes(file);
    }

    CaseFile read(byte[] bytes) {
        return json.readValue(bytes, CaseFile.class);
    }
}
