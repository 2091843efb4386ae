package org.hotline.notification.dispatch.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Decides the messages for a routed complaint: one per assigned body in its correspondence language, an
 * acknowledgement to the complainant when they left an address, agreed to be contacted and did not choose to
 * stay anonymous, and a report of
 * the decision to the NGO's caseworkers. Identity follows the complainant's choice of mode.
 */
public final class MessagePlanner {

    public static final String AUTHORITY_NOTICE = "authority-notice";
    public static final String COMPLAINANT_ACKNOWLEDGEMENT = "complainant-acknowledgement";
    public static final String CASEWORKER_DECISION = "caseworker-decision";
    public static final String CASEWORKER_ALERT = "caseworker-alert";
    /** The templates this planner writes, each with the one kind of recipient it is for. */
    public static final Map<String, RecipientType> TEMPLATES = Map.of(AUTHORITY_NOTICE, RecipientType.AUTHORITY,
            COMPLAINANT_ACKNOWLEDGEMENT, RecipientType.COMPLAINANT, CASEWORKER_DECISION, RecipientType.CASEWORKER,
            CASEWORKER_ALERT, RecipientType.CASEWORKER);

    /** A longer name is not written into a greeting. */
    static final int GREETING_NAME_LIMIT = 40;

    private final NgoContact ngo;
    private final Places places;
    private final String messageIdDomain;

    /** @param places the names of the regions and districts a complaint's place is given by code */
    public MessagePlanner(NgoContact ngo, Places places, String messageIdDomain) {
        this.ngo = ngo;
        this.places = places;
        this.messageIdDomain = messageIdDomain;
    }

    public List<PlannedMessage> plan(RoutedComplaint complaint) {
        List<PlannedMessage> messages = new ArrayList<>();
        for (Assignment assignment : complaint.assignments()) {
            messages.add(authorityNotice(complaint, assignment));
        }
        if (acknowledges(complaint)) {
            messages.add(acknowledgement(complaint));
        }
        messages.add(caseworkerDecision(complaint));
        return List.copyOf(messages);
    }

    /** A caseworker alert about a message that failed for good, or whose fate is unknown after a restart. */
    public PlannedMessage alert(AlertSubject subject) {
        Language language = ngo.caseworkerLanguage();
        Map<String, @Nullable Object> model = common(subject.reference(), language);
        model.put("failedMessageId", SafeText.line(subject.messageId()));
        // The codes stay for an NGO's own templates' conditions; the shipped ones show the words.
        model.put("failedRecipientType", subject.recipientType().name());
        model.put("failedRecipientWords", Vocabulary.word(subject.recipientType().name(), language));
        model.put("failedAuthorityId", SafeText.line(subject.authorityId()));
        model.put("failedTemplate", SafeText.line(subject.template()));
        model.put("failedTemplateWords", Vocabulary.word(subject.template(), language));
        model.put("failureClass", subject.failure().name());
        model.put("failureWords", Vocabulary.word(subject.failure().name(), language));
        model.put("inDoubt", subject.failure() == FailureClass.IN_DOUBT);
        model.put("detail", SafeText.line(subject.detail()));
        String id = MessageIds.of(subject.complaintId(), RecipientType.CASEWORKER, "alert/" + subject.messageId(),
                CASEWORKER_ALERT, messageIdDomain);
        return new PlannedMessage(id, subject.complaintId(), subject.reference(), subject.receivedAt(),
                RecipientType.CASEWORKER, null, CASEWORKER_ALERT, language, ngo.caseworkerMailbox(), model);
    }

    /** What a caseworker alert is about. */
    public record AlertSubject(java.util.UUID complaintId, String reference, Instant receivedAt, String messageId,
            RecipientType recipientType, @Nullable String authorityId, String template, FailureClass failure,
            @Nullable String detail) {
    }

    private static boolean acknowledges(RoutedComplaint complaint) {
        return complaint.complainant().mayBeMailed(complaint.mode());
    }

    private PlannedMessage authorityNotice(RoutedComplaint complaint, Assignment assignment) {
        Language language = assignment.correspondenceLanguage();
        Map<String, @Nullable Object> model = common(complaint.reference(), language);
        model.put("authorityName", SafeText.line(assignment.name(language)));
        model.put("primary", assignment.role() == AssignmentRole.PRIMARY);
        model.put("role", Vocabulary.word(assignment.role().name(), language));
        model.put("reason", SafeText.line(assignment.reason(language), 2_000));
        model.put("deadlineDays", assignment.answerDeadlineWorkingDays());
        putDates(model, assignment, language);
        model.put("otherBodies", complaint.assignments().stream()
                .filter(other -> !other.authorityId().equals(assignment.authorityId()))
                .map(other -> body(other, language))
                .toList());
        describeIncident(complaint, language, model);
        describeIdentity(complaint, model);
        return planned(complaint, RecipientType.AUTHORITY, assignment.authorityId(), assignment.authorityId(),
                AUTHORITY_NOTICE, language, assignment.contactEmail(), model);
    }

    private PlannedMessage acknowledgement(RoutedComplaint complaint) {
        RoutedComplaint.Complainant complainant = complaint.complainant();
        Language language = complainant.preferredLanguage();
        Map<String, @Nullable Object> model = common(complaint.reference(), language);
        model.put("trackingCode", SafeText.line(complainant.trackingCode()));
        model.put("complainantName", greeting(complainant.name()));
        model.put("bodies", complaint.assignments().stream().map(body -> body(body, language)).toList());
        model.put("fallback", complaint.fallback());
        return planned(complaint, RecipientType.COMPLAINANT, null, "complainant", COMPLAINANT_ACKNOWLEDGEMENT,
                language, complainant.email() == null ? "" : complainant.email(), model);
    }

    private PlannedMessage caseworkerDecision(RoutedComplaint complaint) {
        Language language = ngo.caseworkerLanguage();
        Map<String, @Nullable Object> model = common(complaint.reference(), language);
        model.put("complaintId", complaint.complaintId().toString());
        model.put("receivedAt", complaint.receivedAt().toString());
        model.put("receivedAtLocal", Vocabulary.moment(complaint.receivedAt(), language));
        model.put("fallback", complaint.fallback());
        model.put("rulesVersion", SafeText.line(complaint.rulesVersion()));
        model.put("mode", complaint.mode().name());
        model.put("modeWords", Vocabulary.word(complaint.mode().name(), language));
        model.put("immediateDanger", complaint.immediateDanger());
        model.put("victimMinor", complaint.victimMinor());
        model.put("acknowledged", acknowledges(complaint));
        // Said apart from "no address or no consent": the caseworkers may write to the complainant themselves.
        model.put("acknowledgementWithheld", complaint.mode() != ComplainantMode.ANONYMOUS
                && complaint.complainant().acknowledgementWithheld());
        model.put("categories", categories(complaint, language));
        model.put("assignments", complaint.assignments().stream().map(assignment -> {
            Map<String, @Nullable Object> row = body(assignment, language);
            row.put("authorityId", SafeText.line(assignment.authorityId()));
            row.put("ruleId", SafeText.line(assignment.ruleId()));
            row.put("reason", SafeText.line(assignment.reason(language), 2_000));
            row.put("language", assignment.correspondenceLanguage().code());
            row.put("deadlineDays", assignment.answerDeadlineWorkingDays());
            putDates(row, assignment, language);
            return row;
        }).toList());
        return planned(complaint, RecipientType.CASEWORKER, null, "caseworker", CASEWORKER_DECISION, language,
                ngo.caseworkerMailbox(), model);
    }

    /**
     * {@code acknowledgeBy} and {@code answerBy}, the days routing gave, written out in the language, both or
     * neither: the dates the case service holds the body to. A decision from before routing dated them leaves both
     * null, and the templates give the legal deadline in working days.
     */
    private static void putDates(Map<String, @Nullable Object> model, Assignment assignment, Language language) {
        boolean dated = assignment.acknowledgeBy() != null && assignment.answerBy() != null;
        model.put("acknowledgeBy", dated ? day(assignment.acknowledgeBy(), language) : null);
        model.put("answerBy", dated ? day(assignment.answerBy(), language) : null);
    }

    private static @Nullable String day(@Nullable LocalDate date, Language language) {
        return date == null ? null : Vocabulary.date(date, language);
    }

    private Map<String, @Nullable Object> common(String reference, Language language) {
        Map<String, @Nullable Object> model = new LinkedHashMap<>();
        model.put("reference", SafeText.line(reference, 100));
        model.put("language", language.code());
        model.put("ngoName", SafeText.line(ngo.name(language)));
        model.put("ngoEmail", SafeText.line(ngo.email()));
        model.put("ngoPhone", SafeText.line(ngo.phone()));
        return model;
    }

    private void describeIncident(RoutedComplaint complaint, Language language, Map<String, @Nullable Object> model) {
        RoutedComplaint.Incident incident = complaint.incident();
        model.put("categories", categories(complaint, language));
        model.put("description", SafeText.text(incident.description()));
        model.put("quotedDescription", quoted(SafeText.text(incident.description())));
        model.put("occurredOn", day(incident.occurredOn(), language));
        model.put("ongoing", incident.ongoing());
        RoutedComplaint.Place place = complaint.place();
        // The settlement as the complainant wrote it; the units by name, or by code where the directory has none.
        model.put("place", Stream.of(place.settlement(), named(place.districtCode(), language),
                        named(place.region(), language), named(place.country(), language))
                .filter(part -> part != null && !part.isBlank())
                .map(SafeText::line)
                .collect(Collectors.joining(", ")));
        RoutedComplaint.Workplace workplace = complaint.workplace();
        model.put("organizationName", SafeText.line(workplace.organizationName()));
        model.put("workplaceType", Vocabulary.word(workplace.type(), language));
        model.put("sector", Vocabulary.word(workplace.sector(), language));
        model.put("accusedRole", Vocabulary.word(complaint.accused().role(), language));
        model.put("publicOfficial", complaint.accused().publicOfficial());
        model.put("victimMinor", complaint.victimMinor());
        model.put("immediateDanger", complaint.immediateDanger());
    }

    private @Nullable String named(@Nullable String code, Language language) {
        return code == null || code.isBlank() ? null : places.name(code, language);
    }

    /**
     * The complainant's text as a quotation for a plain-text part: every line behind "> ", so that nothing they
     * wrote can pass for the NGO's own words (an instruction, a link to follow) however it is laid out.
     */
    static String quoted(String text) {
        return text.lines().map(line -> "> " + line).collect(Collectors.joining("\n"));
    }

    /**
     * The name an acknowledgement greets the complainant by: only a short one. Whatever else a name field holds
     * (a sentence, a link, an address) would be written by the hotline into its own greeting; it gets a greeting
     * without a name instead.
     */
    static @Nullable String greeting(@Nullable String name) {
        String line = SafeText.line(name);
        if (line.isBlank() || line.codePointCount(0, line.length()) > GREETING_NAME_LIMIT || line.contains("@")
                || line.contains("://") || line.contains("www.")) {
            return null;
        }
        return line;
    }

    private static void describeIdentity(RoutedComplaint complaint, Map<String, @Nullable Object> model) {
        model.put("mode", complaint.mode().name());
        if (complaint.mode() == ComplainantMode.OPEN) {
            RoutedComplaint.Complainant who = complaint.complainant();
            model.put("complainantName", SafeText.line(who.name()));
            model.put("complainantEmail", SafeText.line(who.email()));
            model.put("complainantPhone", SafeText.line(who.phone()));
        }
    }

    private static List<String> categories(RoutedComplaint complaint, Language language) {
        return complaint.incident().categories().stream().map(code -> Vocabulary.word(code, language)).toList();
    }

    private static Map<String, @Nullable Object> body(Assignment assignment, Language language) {
        Map<String, @Nullable Object> row = new LinkedHashMap<>();
        row.put("name", SafeText.line(assignment.name(language)));
        row.put("role", Vocabulary.word(assignment.role().name(), language));
        boolean primary = assignment.role() == AssignmentRole.PRIMARY;
        row.put("primary", primary);
        // The answer a primary body owes, as routing dated it; a copy is for information and owes none.
        boolean dated = assignment.acknowledgeBy() != null && assignment.answerBy() != null;
        row.put("answerBy", primary && dated ? day(assignment.answerBy(), language) : null);
        return row;
    }

    private PlannedMessage planned(RoutedComplaint complaint, RecipientType type, @Nullable String authorityId,
            String recipientKey, String template, Language language, String to, Map<String, @Nullable Object> model) {
        String id = MessageIds.of(complaint.complaintId(), type, recipientKey, template, messageIdDomain);
        return new PlannedMessage(id, complaint.complaintId(), complaint.reference(), complaint.receivedAt(), type,
                authorityId, template, language, to, model);
    }
}
