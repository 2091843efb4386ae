package org.hotline.cases.escalation.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.hotline.cases.casefile.domain.Assignment;
import org.hotline.cases.casefile.domain.CaseFile;
import org.hotline.cases.casefile.domain.Circumstances;
import org.hotline.cases.casefile.domain.Escalation;
import org.hotline.deadlines.domain.Deadlines;
import org.hotline.deadlines.domain.StatutoryClocks;

/**
 * What a case file's silent bodies are due, at a moment (the day taken in the calendar's zone, Asia/Almaty). Each
 * step is recorded in the returned file, so that a check repeated (every few minutes, after a restart, on another
 * instance that took the partition over) issues nothing twice:
 * <ol>
 *   <li>a body told, not acknowledged, and past {@code acknowledgeBy}: one reminder;</li>
 *   <li>a {@code PRIMARY} body, or a rung, told and not answered past {@code answerBy}: the case goes to the next
 *       rung of its ladder (the routed body's ladder), skipping rungs that oversee the accused and rungs already
 *       told of the complaint. The rung's deadlines are counted from the day of the escalation. A copy is for
 *       information and is not escalated;</li>
 *   <li>no rung left: the case is marked for a caseworker's dossier ({@code ESCALATION_EXHAUSTED}).</li>
 * </ol>
 * A caseworker's hold on a body ({@link org.hotline.cases.casefile.domain.EscalationHold}) keeps step 2 and 3 from
 * it until the day after the hold's last day; its reminder is still due. A caseworker's request to escalate past a
 * body ({@link org.hotline.cases.casefile.domain.EscalationRequest}) takes step 2 (or 3) at once, before its
 * {@code answerBy} or during a hold, with reason {@code CASEWORKER_DECISION}.
 * A case a caseworker closed is due nothing.
 */
public final class SilenceCheck {

    static final String ALREADY_TOLD = "already-told";

    private final Ladder ladder;
    private final StatutoryClocks clocks;
    private final Function<String, String> correspondenceLanguage;

    /**
     * @param correspondenceLanguage a body's language by directory id: a rung's acknowledgement page speaks it, as
     *     its letter does
     */
    public SilenceCheck(Ladder ladder, StatutoryClocks clocks, Function<String, String> correspondenceLanguage) {
        this.ladder = ladder;
        this.clocks = clocks;
        this.correspondenceLanguage = correspondenceLanguage;
    }

    /** What is due in {@code file} at {@code now}, and the file recording that it was issued. */
    public Checked check(CaseFile file, Instant now) {
        if (!file.decided() || file.closed()) {
            return new Checked(file, List.of());
        }
        LocalDate today = today(now);
        List<Due> dues = new ArrayList<>();
        CaseFile checked = file;
        for (Assignment body : file.assignments()) {
            if (body.answeredAt() != null || !body.told()) {
                continue;
            }
            if (body.acknowledgedAt() == null && body.remindedAt() == null && today.isAfter(body.acknowledgeBy())) {
                checked = checked.reminded(body.authorityId(), now);
                dues.add(new Due.ReminderDue(checked.assignment(body.authorityId()).orElseThrow()));
            }
            boolean requested = body.request() != null;
            if (body.escalatedAt() == null && body.escalates()
                    && (requested || today.isAfter(body.answerBy()) && !body.escalationHeld(today))) {
                Optional<List<Rung>> rungs = ladder.above(body.ladderOf() != null ? body.ladderOf()
                        : body.authorityId());
                if (rungs.isPresent()) {
                    checked = climb(checked, body, rungs.get(), now, dues, requested
                            ? Escalation.CASEWORKER_DECISION : Escalation.NO_ANSWER_BY_DEADLINE);
                }
            }
        }
        return new Checked(checked, dues);
    }

    public LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, clocks.zone());
    }

    private CaseFile climb(CaseFile file, Assignment silent, List<Rung> rungs, Instant now, List<Due> dues,
            String reason) {
        List<Escalation.Skipped> skipped = new ArrayList<>();
        Circumstances facts = file.circumstances() == null ? Circumstances.UNKNOWN : file.circumstances();
        Integer current = silent.rung();
        for (int place = current == null ? 0 : current + 1; place < rungs.size(); place++) {
            Rung rung = rungs.get(place);
            Optional<String> conflict = ladder.conflict(rung, facts);
            if (conflict.isPresent()) {
                skipped.add(new Escalation.Skipped(rung.authorityId(), conflict.get()));
                continue;
            }
            if (file.assignment(rung.authorityId()).isPresent()) {
                skipped.add(new Escalation.Skipped(rung.authorityId(), ALREADY_TOLD));
                continue;
            }
            Deadlines deadlines = clocks.deadlines(rung.authorityId(), rung.authorityType(), null, now);
            Assignment told = Assignment.rung(rung.authorityId(), rung.authorityType(),
                    correspondenceLanguage.apply(rung.authorityId()),
                    deadlines.acknowledgeBy(), deadlines.answerBy(), now,
                    silent.ladderOf() != null ? silent.ladderOf() : silent.authorityId(), place);
            Escalation step = new Escalation(silent.authorityId(), rung.authorityId(), now, reason, skipped);
            dues.add(new Due.EscalationDue(silent, told, step, place == rungs.size() - 1));
            return file.escalated(step, told);
        }
        dues.add(new Due.LadderExhausted(silent, skipped));
        return file.exhausted(silent.authorityId(), now);
    }

    /** A case file after a check, and what the check issued. */
    public record Checked(CaseFile file, List<Due> dues) {

        public Checked {
            dues = List.copyOf(dues);
        }
    }

    /** One thing a check issued. */
    public sealed interface Due {

        /** {@code body} did not acknowledge by its {@code acknowledgeBy}. */
        record ReminderDue(Assignment body) implements Due {
        }

        /**
         * {@code from} did not answer by its {@code answerBy}, or a caseworker decided not to wait for it
         * ({@code step.reason()}); {@code to} is told, with the deadlines counted from the escalation.
         *
         * @param lastRung true when {@code to} is the ladder's last rung
         */
        record EscalationDue(Assignment from, Assignment to, Escalation step, boolean lastRung) implements Due {
        }

        /** {@code from} did not answer and no rung is left above it. */
        record LadderExhausted(Assignment from, List<Escalation.Skipped> skipped) implements Due {

            public LadderExhausted {
                skipped = List.copyOf(skipped);
            }
        }
    }
}
