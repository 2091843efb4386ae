package org.hotline.notification.dispatch.messaging;

import static org.hotline.notification.dispatch.messaging.PoisonEventException.INVALID_FIELD;
import static org.hotline.notification.dispatch.messaging.PoisonEventException.MISSING_FIELD;
import static org.hotline.notification.dispatch.messaging.PoisonEventException.SEALED_VALUE_UNOPENABLE;

import java.util.UUID;
import org.hotline.notification.dispatch.domain.ComplainantMode;
import org.hotline.notification.dispatch.domain.Language;
import org.hotline.notification.dispatch.domain.RoutedComplaint;
import org.hotline.notification.sealing.domain.SealedFields;
import org.hotline.notification.sealing.domain.SealedValue;
import org.hotline.notification.sealing.domain.SealingException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens a complaint's {@code complainant} block ({@code {"mode", "sealed"}}, docs/events.md "Sealed values"), as
 * intake sealed it; routing and the case service copy it unchanged, so it opens the same wherever it travels.
 * The block itself is checked by each event's schema; the opened value is read here, field by field, because no
 * schema states it (docs/events.md describes it in prose, and integrators cannot open it).
 */
final class ComplainantBlocks {

    private static final String SEALED_IN = "complaints.received.v1/";

    private final JsonMapper json;
    private final SealedFields sealer;

    ComplainantBlocks(JsonMapper json, SealedFields sealer) {
        this.json = json;
        this.sealer = sealer;
    }

    /** @throws PoisonEventException when the value does not open or holds no valid identity */
    RoutedComplaint.Complainant open(SealedValue sealed, UUID complaintId) {
        byte[] opened;
        try {
            opened = sealer.open(complaintId, sealed, SEALED_IN + complaintId + "/complainant");
        } catch (SealingException e) {
            throw new PoisonEventException(SEALED_VALUE_UNOPENABLE, "sealed complainant does not open: "
                    + e.getMessage(), e);
        }
        JsonNode identity;
        try {
            identity = json.readTree(opened);
        } catch (JacksonException e) {
            throw new PoisonEventException(INVALID_FIELD, "the opened complainant value is not JSON");
        }
        if (identity == null || !identity.isObject()) {
            throw new PoisonEventException(INVALID_FIELD, "the opened complainant value is not a JSON object");
        }
        String language = text(identity, "preferredLanguage");
        return new RoutedComplaint.Complainant(optionalText(identity, "name"), optionalText(identity, "email"),
                optionalText(identity, "phone"), Language.fromCode(language).orElseThrow(() ->
                        // Not quoted: the opened block is the complainant's, and a value in it may be any text.
                        new PoisonEventException(INVALID_FIELD,
                                "the complainant's preferredLanguage is not kk, ru or en")),
                isTrue(identity, "consentToContact"), text(identity, "trackingCode"),
                isTrue(identity, "acknowledgementWithheld"));
    }

    private static String text(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isString()) {
            throw new PoisonEventException(node == null ? MISSING_FIELD : INVALID_FIELD,
                    field + " missing or not a string");
        }
        return node.stringValue();
    }

    private static @Nullable String optionalText(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new PoisonEventException(INVALID_FIELD, field + " is not a string");
        }
        return node.stringValue();
    }

    private static boolean isTrue(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw new PoisonEventException(INVALID_FIELD, field + " is not a boolean");
        }
        return node.booleanValue();
    }

    /** The block as the event schemas state it (the mode in clear, the rest sealed), for a reader to bind. */
    record Block(ComplainantMode mode, SealedValue sealed) {
    }
}
