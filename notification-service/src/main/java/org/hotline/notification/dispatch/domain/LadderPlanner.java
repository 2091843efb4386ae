package org.hotline.notification.dispatch.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Decides the letters of an escalation ladder's step (docs/notification.md, "Reminders and escalations"):
 * <ul>
 *   <li>a reminder: to the body that did not confirm receipt, in its language, with its acknowledgement link;</li>
 *   <li>an escalation: to the rung told now, in its language, with why the case went up (the body below did not
 *       answer by its deadline, or the caseworkers decided not to wait for it, in their own words), the case's
 *       history (who was told when, who acknowledged, who stayed silent), its own deadlines and its own link; and a
 *       report to the caseworkers;</li>
 *   <li>an exhausted ladder: the case's dossier to the caseworkers, every body and step in order, for a complaint
 *       to a court or a CEDAW communication;</li>
 *   <li>news for the complainant (a body acknowledged, answered, or was escalated past, and whether the caseworkers
 *       decided so before its deadline, never their note), in their language, only when they left an address and
 *       agreed to be contacted, and never for an anonymous complaint.</li>
 * </ul>
 * Bodies are found in the {@link Directory} by id. The complaint's own text is not in these letters: the case
 * service never holds it, and the rung asks the NGO for the file (its address is in every letter). Message ids
 * derive from the complaint, the recipient and the template, so a step read twice is sent once.
 */
public final class LadderPlanner {

    public static final String AUTHORITY_REMINDER = "authority-reminder";
    public static final String AUTHORITY_ESCALATION = "authority-escalation";
    public static final String CASEWORKER_ESCALATION = "caseworker-escalation";
    public static final String CASEWORKER_DOSSIER = "caseworker-dossier";
    public static final String COMPLAINANT_UPDATE = "complainant-update";
    /** The templates this planner writes, each with the one kind of recipient it is for. */
    public static final Map<String, RecipientType> TEMPLATES = Map.of(AUTHORITY_REMINDER, RecipientType.AUTHORITY,
            AUTHORITY_ESCALATION, RecipientType.AUTHORITY, CASEWORKER_ESCALATION, RecipientType.CASEWORKER,
            CASEWORKER_DOSSIER, RecipientType.CASEWORKER, COMPLAINANT_UPDATE, RecipientType.COMPLAINANT);

    private final NgoContact ngo;
    private final Directory directory;
    private final Places places;
    private final ZoneId zone;
    private final String messageIdDomain;

    /**
     * @param places the names of the regions a case's summary gives by code
     * @param zone the time zone dates and times are written in (the calendar's: Asia/Almaty in Kazakhstan)
     */
    public LadderPlanner(NgoContact ngo, Directory directory, Places places, ZoneId zone, String messageIdDomain) {
        this.ngo = ngo;
        this.directory = directory;
        this.places = places;
        this.zone = zone;
        this.messageIdDomain = messageIdDomain;
    }

    /** @throws UnknownAuthorityException when a body the step writes to is not in the directory */
    public List<PlannedMessage> plan(LadderStep step) {
        if (step instanceof LadderStep.Reminder reminder) {
            return List.of(reminder(reminder));
        }
        if (step instanceof LadderStep.Escalation escalation) {
            return List.of(escalation(escalation), caseworkerEscalation(escalation));
        }
        if (step instanceof LadderStep.ComplainantUpdate update) {
            return complainantUpdate(update);
        }
        return List.of(dossier((LadderStep.Exhausted) step));
    }

    private PlannedMessage reminder(LadderStep.Reminder step) {
        Authority body = required(step.authorityId());
        Language language = body.correspondenceLanguage();
        Map<String, @Nullable Object> model = common(step, language);
        model.put("authorityName", SafeText.line(body.name(language)));
        model.put("role", Vocabulary.word(step.role(), language));
        model.put("notifiedAt", time(step.notifiedAt(), language));
        model.put("acknowledgeBy", Vocabulary.date(step.acknowledgeBy(), language));
        model.put("answerBy", Vocabulary.date(step.answerBy(), language));
        model.put("escalates", escalates(step.role()));
        return planned(step, RecipientType.AUTHORITY, body.id(), body.id(), AUTHORITY_REMINDER, language,
                body.contactEmail(), model);
    }

    /** Only a primary body and a rung go up the ladder when silent; a copy is reminded to confirm receipt only. */
    private static boolean escalates(String role) {
        return "PRIMARY".equals(role) || "ESCALATION".equals(role);
    }

    private PlannedMessage escalation(LadderStep.Escalation step) {
        Authority rung = required(step.toAuthorityId());
        Language language = rung.correspondenceLanguage();
        Map<String, @Nullable Object> model = escalationModel(step, language);
        model.put("authorityName", SafeText.line(rung.name(language)));
        return planned(step, RecipientType.AUTHORITY, rung.id(), rung.id(), AUTHORITY_ESCALATION, language,
                rung.contactEmail(), model);
    }

    private PlannedMessage caseworkerEscalation(LadderStep.Escalation step) {
        Language language = ngo.caseworkerLanguage();
        Map<String, @Nullable Object> model = escalationModel(step, language);
        model.put("authorityName", SafeText.line(name(step.toAuthorityId(), language)));
        model.put("toAuthorityId", SafeText.line(step.toAuthorityId()));
        model.put("skippedRungs", skipped(step.skippedRungs(), language));
        return planned(step, RecipientType.CASEWORKER, null, "caseworker/escalation/" + step.toAuthorityId(),
                CASEWORKER_ESCALATION, language, ngo.caseworkerMailbox(), model);
    }

    private PlannedMessage dossier(LadderStep.Exhausted step) {
        Language language = ngo.caseworkerLanguage();
        Map<String, @Nullable Object> model = common(step, language);
        model.put("complaintId", step.complaintId().toString());
        model.put("lastAuthorityName", SafeText.line(name(step.authorityId(), language)));
        // Whether the caseworkers decided not to wait for the last body, whose deadline then had not passed.
        model.put("lastEarly", step.history().stream().anyMatch(body -> body.authorityId().equals(step.authorityId())
                && body.passedOverByDecision()));
        model.put("history", history(step.history(), language));
        model.put("skippedRungs", skipped(step.skippedRungs(), language));
        model.put("summary", step.summary() == null ? null : summary(step.summary(), language));
        model.put("timeline", timeline(step, language));
        // One dossier per exhausted ladder: a complaint with two primary bodies (an education department and the
        // police) can exhaust two, each with its own last silent body; one id for both would send only the first.
        return planned(step, RecipientType.CASEWORKER, null, "caseworker/dossier/" + step.authorityId(),
                CASEWORKER_DOSSIER, language, ngo.caseworkerMailbox(), model);
    }

    /** Same rule as the first email to the complainant ({@link MessagePlanner}). */
    private List<PlannedMessage> complainantUpdate(LadderStep.ComplainantUpdate step) {
        RoutedComplaint.Complainant complainant = step.complainant();
        if (!complainant.mayBeMailed(step.mode())) {
            return List.of();
        }
        Language language = complainant.preferredLanguage();
        Map<String, @Nullable Object> model = common(step, language);
        model.put("complainantName", MessagePlanner.greeting(complainant.name()));
        model.put("update", step.update());
        model.put("date", Vocabulary.date(step.occurredAt().atZone(zone).toLocalDate(), language));
        model.put("authorityName", SafeText.line(name(step.authorityId(), step.authorityName(), language)));
        model.put("answerBy", Vocabulary.date(step.answerBy(), language));
        // A copy's answer date is not one it is held to (it is never escalated): the complainant is not given it.
        model.put("escalates", step.role() == null || escalates(step.role()));
        model.put("registrationNumber", step.registrationNumber() == null ? null
                : SafeText.line(step.registrationNumber(), 100));
        model.put("outcome", step.outcome() == null ? null : Vocabulary.word(step.outcome(), language));
        model.put("forwardedTo", step.forwardedTo() == null ? null : SafeText.line(step.forwardedTo(), 200));
        model.put("reason", step.reason() == null ? null : SafeText.line(step.reason(), 1_000));
        model.put("toAuthorityName", step.toAuthorityId() == null ? null
                : SafeText.line(name(step.toAuthorityId(), step.toAuthorityName(), language)));
        model.put("toAnswerBy", day(step.toAnswerBy(), language));
        // Whether the caseworkers sent the case up early; their note is for the bodies, never for the complainant.
        model.put("caseworkerDecision", step.byCaseworkerDecision());
        String recipientKey = "complainant/" + step.update().toLowerCase(Locale.ROOT) + "/"
                + step.authorityId();
        return List.of(planned(step, RecipientType.COMPLAINANT, null, recipientKey, COMPLAINANT_UPDATE, language,
                complainant.email(), model));
    }

    /** The name the case service sent in the language, else the directory's, else any name sent, else the id. */
    private String name(String authorityId, Map<Language, String> names, Language language) {
        String sent = names.get(language);
        if (sent != null) {
            return sent;
        }
        return directory.find(authorityId).map(body -> body.name(language))
                .orElseGet(() -> names.getOrDefault(Language.RU, names.values().stream().findFirst()
                        .orElse(authorityId)));
    }

    private Map<String, @Nullable Object> escalationModel(LadderStep.Escalation step, Language language) {
        Map<String, @Nullable Object> model = common(step, language);
        model.put("silentAuthorityName", SafeText.line(name(step.fromAuthorityId(), language)));
        model.put("silentAnswerBy", silentAnswerBy(step, language));
        // The caseworkers' note goes only with their decision, which the reader never lets come without it.
        model.put("caseworkerDecision", step.byCaseworkerDecision());
        LadderStep.Decision decision = step.byCaseworkerDecision() ? step.decision() : null;
        model.put("decisionNote", decision == null ? null : SafeText.line(decision.note(), 500));
        model.put("decisionRequestedAt", decision == null ? null : time(decision.requestedAt(), language));
        model.put("rung", step.rung());
        model.put("lastRung", step.lastRung());
        model.put("acknowledgeBy", Vocabulary.date(step.acknowledgeBy(), language));
        model.put("answerBy", Vocabulary.date(step.answerBy(), language));
        model.put("history", history(step.history(), language));
        model.put("summary", step.summary() == null ? null : summary(step.summary(), language));
        return model;
    }

    /**
     * The answer deadline of the body the case went past, as its history row gives it: a letter on a caseworkers'
     * decision names the deadline they did not wait for. Null when the history does not list the body.
     */
    private static @Nullable String silentAnswerBy(LadderStep.Escalation step, Language language) {
        return step.history().stream().filter(body -> body.authorityId().equals(step.fromAuthorityId())).findFirst()
                .map(body -> Vocabulary.date(body.answerBy(), language)).orElse(null);
    }

    /**
     * The complaint by category in the rung's language: the intake API's codes in words, the region by name, the
     * time in the zone's.
     */
    private Map<String, @Nullable Object> summary(LadderStep.CaseSummary summary, Language language) {
        Map<String, @Nullable Object> model = new LinkedHashMap<>();
        model.put("receivedAt", time(summary.receivedAt(), language));
        model.put("categories", summary.categories().stream()
                .map(code -> SafeText.line(Vocabulary.word(code, language))).toList());
        model.put("region", summary.region() == null ? null
                : SafeText.line(places.name(SafeText.line(summary.region(), 10), language)));
        model.put("workplaceSector", word(summary.workplaceSector(), language));
        model.put("workplaceType", word(summary.workplaceType(), language));
        model.put("accusedRole", word(summary.accusedRole(), language));
        model.put("accusedPublicOfficial", summary.accusedPublicOfficial());
        model.put("victimMinor", summary.victimMinor());
        model.put("immediateDanger", summary.immediateDanger());
        return model;
    }

    private static @Nullable String word(@Nullable String code, Language language) {
        return code == null ? null : SafeText.line(Vocabulary.word(code, language));
    }

    private Map<String, @Nullable Object> common(LadderStep step, Language language) {
        Map<String, @Nullable Object> model = new LinkedHashMap<>();
        model.put("reference", SafeText.line(step.reference(), 100));
        model.put("language", language.code());
        model.put("occurredAt", time(step.occurredAt(), language));
        model.put("ngoName", SafeText.line(ngo.name(language)));
        model.put("ngoEmail", SafeText.line(ngo.email()));
        model.put("ngoPhone", SafeText.line(ngo.phone()));
        return model;
    }

    /** One row per body, in the order the case service lists them (routed bodies, then rungs as told). */
    private List<Map<String, @Nullable Object>> history(List<LadderStep.HistoryEntry> entries, Language language) {
        List<Map<String, @Nullable Object>> rows = new ArrayList<>();
        for (LadderStep.HistoryEntry entry : entries) {
            Map<String, @Nullable Object> row = new LinkedHashMap<>();
            row.put("authorityId", SafeText.line(entry.authorityId()));
            row.put("name", SafeText.line(name(entry.authorityId(), language)));
            row.put("role", Vocabulary.word(entry.role(), language));
            row.put("notifiedAt", time(entry.notifiedAt(), language));
            row.put("noticeFailed", entry.noticeFailed());
            row.put("acknowledgeBy", Vocabulary.date(entry.acknowledgeBy(), language));
            row.put("answerBy", Vocabulary.date(entry.answerBy(), language));
            row.put("remindedAt", time(entry.remindedAt(), language));
            row.put("acknowledgedAt", time(entry.acknowledgedAt(), language));
            row.put("registrationNumber", entry.registrationNumber() == null ? null
                    : SafeText.line(entry.registrationNumber(), 100));
            row.put("answeredAt", time(entry.answeredAt(), language));
            row.put("escalatedAt", time(entry.escalatedAt(), language));
            row.put("silent", entry.answeredAt() == null);
            rows.add(row);
        }
        return rows;
    }

    /**
     * Every dated step of the case in the order it happened, for the dossier: each body told (with the deadlines
     * its clock set), reminded, acknowledged (with its registration number), answered, escalated past, and the
     * ladder's end, the last two with {@code _EARLY} when the caseworkers decided not to wait for the body. A body
     * whose email failed has no date to place it at; the table of bodies shows it.
     */
    private List<Map<String, @Nullable Object>> timeline(LadderStep.Exhausted step, Language language) {
        record Moment(Instant at, String kind, LadderStep.HistoryEntry body) {
        }
        List<Moment> moments = new ArrayList<>();
        for (LadderStep.HistoryEntry body : step.history()) {
            if (body.notifiedAt() != null) {
                moments.add(new Moment(body.notifiedAt(), "TOLD", body));
            }
            if (body.remindedAt() != null) {
                moments.add(new Moment(body.remindedAt(), "REMINDED", body));
            }
            if (body.acknowledgedAt() != null) {
                moments.add(new Moment(body.acknowledgedAt(), "ACKNOWLEDGED", body));
            }
            if (body.answeredAt() != null) {
                moments.add(new Moment(body.answeredAt(), "ANSWERED", body));
            }
            if (body.escalatedAt() != null) {
                boolean ended = body.ladderEnded() || body.authorityId().equals(step.authorityId());
                String kind = ended ? "LADDER_ENDED" : "ESCALATED_PAST";
                moments.add(new Moment(body.escalatedAt(), body.passedOverByDecision() ? kind + "_EARLY" : kind,
                        body));
            }
        }
        // Stable: steps of one moment keep the case service's order of bodies.
        moments.sort(Comparator.comparing(Moment::at));
        List<Map<String, @Nullable Object>> rows = new ArrayList<>();
        for (Moment moment : moments) {
            Map<String, @Nullable Object> row = new LinkedHashMap<>();
            row.put("at", time(moment.at(), language));
            // A code for the templates' switch, which words each kind; never shown itself.
            row.put("kind", moment.kind());
            row.put("name", SafeText.line(name(moment.body().authorityId(), language)));
            row.put("role", Vocabulary.word(moment.body().role(), language));
            row.put("acknowledgeBy", Vocabulary.date(moment.body().acknowledgeBy(), language));
            row.put("answerBy", Vocabulary.date(moment.body().answerBy(), language));
            row.put("registrationNumber", moment.body().registrationNumber() == null ? null
                    : SafeText.line(moment.body().registrationNumber(), 100));
            rows.add(row);
        }
        return rows;
    }

    private List<Map<String, @Nullable Object>> skipped(List<LadderStep.Skipped> skipped, Language language) {
        return skipped.stream().map(rung -> {
            Map<String, @Nullable Object> row = new LinkedHashMap<>();
            row.put("authorityId", SafeText.line(rung.authorityId()));
            row.put("name", SafeText.line(name(rung.authorityId(), language)));
            // The reason in words; a conflict's id stays, after them, as the caseworkers' reference to the ladder
            // file, which alone says what the conflict is.
            row.put("reason", Vocabulary.skipReason(rung.reason(), language));
            row.put("ruleId", Vocabulary.ALREADY_TOLD.equals(rung.reason()) ? null : SafeText.line(rung.reason(), 200));
            return row;
        }).toList();
    }

    private Authority required(String authorityId) {
        return directory.find(authorityId).orElseThrow(() -> new UnknownAuthorityException(authorityId));
    }

    /** A body's name for a report; its id when the directory no longer lists it (the report still goes). */
    private String name(String authorityId, Language language) {
        return directory.find(authorityId).map(body -> body.name(language)).orElse(authorityId);
    }

    /** A moment as people read it: the date written out in the language, the time to the minute in the zone. */
    private @Nullable String time(@Nullable Instant instant, Language language) {
        return instant == null ? null : Vocabulary.moment(instant, language, zone);
    }

    private static @Nullable String day(@Nullable LocalDate date, Language language) {
        return date == null ? null : Vocabulary.date(date, language);
    }

    private PlannedMessage planned(LadderStep step, RecipientType type, @Nullable String authorityId,
            String recipientKey, String template, Language language, String to, Map<String, @Nullable Object> model) {
        String id = MessageIds.of(step.complaintId(), type, recipientKey, template, messageIdDomain);
        return new PlannedMessage(id, step.complaintId(), step.reference(), step.occurredAt(), type, authorityId,
                template, language, to, model);
    }

    /** A step names a body the directory does not list: its letter has no address. */
    public static final class UnknownAuthorityException extends RuntimeException {

        public UnknownAuthorityException(String authorityId) {
            super("authority '" + SafeText.line(authorityId, 100) + "' is not in the directory");
        }
    }
}
