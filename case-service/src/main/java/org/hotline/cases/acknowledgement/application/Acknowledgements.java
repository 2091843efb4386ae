package org.hotline.cases.acknowledgement.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.hotline.cases.acknowledgement.domain.AcknowledgementLink;
import org.hotline.cases.acknowledgement.domain.LinkPurpose;
import org.hotline.cases.acknowledgement.domain.LinkSigner;
import org.hotline.cases.acknowledgement.domain.RefusedLinkException;
import org.hotline.cases.casefile.application.CaseFiles;
import org.hotline.cases.casefile.domain.Assignment;
import org.hotline.cases.casefile.domain.CaseFile;

/**
 * A body confirms receipt of a complaint through its link and gives its registration number:
 * <ol>
 *   <li>the link's signature, purpose and expiry are checked ({@link LinkSigner});</li>
 *   <li>its complaint and body must be in the case files (a correctly signed link for a body the complaint was not
 *       routed to is refused);</li>
 *   <li>the number is checked, and {@code AssignmentAcknowledged} published; the case file records it when it
 *       reads the event back, so the status shows it within seconds.</li>
 * </ol>
 * A link used again after the acknowledgement shows the acknowledgement and publishes nothing: the first number
 * stands.
 */
public final class Acknowledgements {

    /** Registration numbers of Kazakh bodies are short ("ЖТ-2026-01234", "3-15/1234"); 64 leaves room. */
    private static final int MAX_NUMBER_LENGTH = 64;

    private final LinkSigner signer;
    private final CaseFiles files;
    private final AcknowledgementPublisher publisher;
    private final Clock clock;
    private final Duration validity;

    public Acknowledgements(LinkSigner signer, CaseFiles files, AcknowledgementPublisher publisher, Clock clock,
            Duration validity) {
        this.signer = signer;
        this.files = files;
        this.publisher = publisher;
        this.clock = clock;
        this.validity = validity;
    }

    /** The token of a new link for one body of one complaint, valid for the configured time from now. */
    public String issue(UUID complaintId, String reference, String authorityId) {
        return signer.sign(new AcknowledgementLink(complaintId, reference, authorityId, LinkPurpose.ACKNOWLEDGE,
                clock.instant().plus(validity)));
    }

    /** @throws RefusedLinkException when the link must not be acted on */
    public AcknowledgementPage open(String token) {
        AcknowledgementLink link = signer.verify(token, LinkPurpose.ACKNOWLEDGE, clock.instant());
        CaseFile file = files.byReference(link.reference())
                .filter(found -> found.complaintId().equals(link.complaintId()))
                .orElseThrow(() -> new RefusedLinkException(RefusedLinkException.Reason.UNKNOWN_ASSIGNMENT));
        Assignment assignment = file.assignment(link.authorityId())
                .orElseThrow(() -> new RefusedLinkException(RefusedLinkException.Reason.UNKNOWN_ASSIGNMENT));
        return new AcknowledgementPage(link.reference(), assignment);
    }

    /**
     * @return the page as it stands once acknowledged: with this number, or with the number given before
     * @throws RefusedLinkException when the link must not be acted on
     * @throws InvalidRegistrationNumberException when the number is not one
     * @throws AcknowledgementNotStoredException when the broker did not take it
     */
    public AcknowledgementPage acknowledge(String token, String registrationNumber) {
        AcknowledgementPage page = open(token);
        if (page.acknowledged()) {
            return page;
        }
        String number = registrationNumber.strip();
        if (number.isEmpty()) {
            throw new InvalidRegistrationNumberException("empty");
        }
        if (number.length() > MAX_NUMBER_LENGTH || number.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRegistrationNumberException("too long or not one line");
        }
        Instant now = clock.instant();
        AcknowledgementLink link = signer.verify(token, LinkPurpose.ACKNOWLEDGE, now);
        publisher.publish(link.complaintId(), link.authorityId(), now, number);
        Assignment a = page.assignment();
        return new AcknowledgementPage(page.reference(), new Assignment(a.authorityId(), a.authorityType(),
                a.authorityName(), a.role(), a.language(), a.acknowledgeBy(), a.answerBy(), a.notifiedAt(),
                a.noticeFailed(), now, number, a.answeredAt()));
    }
}
