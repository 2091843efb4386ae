package org.hotline.cases.acknowledgement.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.hotline.cases.acknowledgement.domain.AcknowledgementLink;
import org.hotline.cases.acknowledgement.domain.LinkPurpose;
import org.hotline.cases.acknowledgement.domain.LinkSigner;
import org.hotline.cases.acknowledgement.domain.RefusedLinkException;
import org.hotline.cases.casefile.application.CaseFiles;
import org.hotline.cases.casefile.domain.Answer;
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
 * A link used again after the acknowledgement shows the acknowledgement and a form for the answer, which
 * publishes {@code AssignmentAnswered} alike (an answer given first counts as the acknowledgement too). The first
 * number and the first answer stand: a second acknowledgement publishes nothing, a second answer is refused
 * ({@link AlreadyRecordedException}).
 */
public final class Acknowledgements {

    /** Registration numbers of Kazakh bodies are short ("ЖТ-2026-01234", "3-15/1234"); 64 leaves room. */
    private static final int MAX_NUMBER_LENGTH = 64;

    private final LinkSigner signer;
    private final CaseFiles files;
    private final AcknowledgementPublisher publisher;
    private final Clock clock;
    private final Duration validity;
    private final ZoneId zone;

    /** @param zone the calendar's zone (Asia/Almaty), in which an answer letter's date may not be in the future */
    public Acknowledgements(LinkSigner signer, CaseFiles files, AcknowledgementPublisher publisher, Clock clock,
            Duration validity, ZoneId zone) {
        this.signer = signer;
        this.files = files;
        this.publisher = publisher;
        this.clock = clock;
        this.validity = validity;
        this.zone = zone;
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
        publisher.acknowledged(link.complaintId(), link.authorityId(), now, number, RecordedBy.BODY);
        Assignment a = page.assignment();
        return new AcknowledgementPage(page.reference(), new Assignment(a.authorityId(), a.authorityType(),
                a.authorityName(), a.role(), a.language(), a.acknowledgeBy(), a.answerBy(), a.notifiedAt(),
                a.noticeFailed(), now, number, a.answeredAt(), a.remindedAt(), a.escalatedAt(), a.ladderOf(),
                a.rung(), a.answer(), a.hold(), a.request()));
    }

    /**
     * @return the page as it stands once answered
     * @throws RefusedLinkException when the link must not be acted on
     * @throws AlreadyRecordedException when the body has answered before; its first answer stands
     * @throws InvalidInputException naming the fields to fix
     * @throws AcknowledgementNotStoredException when the broker did not take it
     */
    public AcknowledgementPage answer(String token, AnswerInput input) {
        AcknowledgementPage page = open(token);
        if (page.answered()) {
            throw new AlreadyRecordedException("the body has answered already");
        }
        Instant now = clock.instant();
        Answer answer = input.validate(Answer.BY_BODY, LocalDate.ofInstant(now, zone));
        AcknowledgementLink link = signer.verify(token, LinkPurpose.ACKNOWLEDGE, now);
        publisher.answered(link.complaintId(), link.authorityId(), now, answer, RecordedBy.BODY);
        return new AcknowledgementPage(page.reference(), page.assignment().answered(now, answer));
    }
}
