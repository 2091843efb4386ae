package org.hotline.routing.complaint.messaging;

import java.util.Map;
import org.hotline.routing.rules.domain.ComplaintFacts;

/**
 * What routing takes from a {@code ComplaintReceived} event: its ids, the facts to decide on, and the raw
 * JSON text of the complaint's parts, copied into {@code ComplaintRouted} exactly as received.
 *
 * @param rawParts the complaint's parts ({@code incident}, {@code location}, ..., {@code complainant}) as the
 *     exact UTF-8 text of the received record, in the order received; sealed values inside are checked for
 *     their shape (docs/schemas/sealed-value.v1.schema.json), never opened
 */
record ReceivedComplaint(String eventId, String complaintId, String reference, String receivedAt,
        String channel, String language, ComplaintFacts facts, Map<String, String> rawParts) {
}
