package org.hotline.notification.acknowledgement.domain;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The address a body opens to confirm receipt: the case service's public page {@code <baseUrl>/ack/<token>}.
 * A link is made when its email is rendered, just before it is sent, so it works for the full validity from the
 * day the body receives it, also after retries; it is never stored.
 */
public final class AcknowledgementLinks {

    private final LinkSigner signer;
    private final String baseUrl;
    private final Duration validity;
    private final Clock clock;

    /** @param baseUrl where the case service's pages are, as a body's browser reaches them; no trailing slash needed */
    public AcknowledgementLinks(LinkSigner signer, String baseUrl, Duration validity, Clock clock) {
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("a link must be valid for some time, not " + validity);
        }
        this.signer = signer;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.validity = validity;
        this.clock = clock;
    }

    /**
     * A new link for the body to confirm it received the complaint, valid from now; none when the reference or the
     * authority id spans lines, which no event of intake and routing holds but a forged one might: such a token
     * would not check at the case service anyway, and the email still goes out without it.
     */
    public Optional<String> acknowledge(UUID complaintId, String reference, String authorityId) {
        if (reference.contains("\n") || authorityId.contains("\n")) {
            return Optional.empty();
        }
        String token = signer.sign(new AcknowledgementLink(complaintId, reference, authorityId,
                LinkPurpose.ACKNOWLEDGE, clock.instant().plus(validity)));
        return Optional.of(baseUrl + "/ack/" + token);
    }
}
