package org.hotline.cases.escalation.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.hotline.cases.casefile.domain.Circumstances;

/**
 * Who is told when a body stays silent (docs/case.md, "Escalation ladder"), read from the ladder file:
 * <ol>
 *   <li>the first entry whose body shape the silent body's id has gives the rungs above it, lowest first (a
 *       district education department: the region's department, the ministry, the region's prosecutor);</li>
 *   <li>the last rung (the Commissioner for Human Rights) closes every ladder;</li>
 *   <li>a body of no entry's shape (the NGO's triage desk, a crisis centre) has no ladder: it is not
 *       escalated;</li>
 *   <li>a rung that oversees the accused ({@link Conflict}) is skipped, with the conflict's id as the reason.</li>
 * </ol>
 */
public final class Ladder {

    private final List<LadderEntry> entries;
    private final Rung lastRung;
    private final List<Conflict> conflicts;

    public Ladder(List<LadderEntry> entries, Rung lastRung, List<Conflict> conflicts) {
        this.entries = List.copyOf(entries);
        this.lastRung = lastRung;
        this.conflicts = List.copyOf(conflicts);
    }

    /** The rungs above a routed body, lowest first, the last rung at the end; empty when it has no ladder. */
    public Optional<List<Rung>> above(String authorityId) {
        if (authorityId.equals(lastRung.authorityId())) {
            return Optional.of(List.of());
        }
        for (LadderEntry entry : entries) {
            Optional<Map<String, String>> values = entry.body().match(authorityId);
            if (values.isPresent()) {
                List<Rung> rungs = new ArrayList<>();
                for (LadderEntry.RungTemplate rung : entry.rungs()) {
                    rungs.add(new Rung(rung.authorityId().fill(values.get()), rung.authorityType()));
                }
                rungs.add(lastRung);
                return Optional.of(List.copyOf(rungs));
            }
        }
        return Optional.empty();
    }

    /** The id of the conflict of interest that keeps {@code rung} out of this complaint, if any. */
    public Optional<String> conflict(Rung rung, Circumstances facts) {
        return conflicts.stream().filter(conflict -> conflict.applies(rung, facts)).map(Conflict::id).findFirst();
    }

    public Rung lastRung() {
        return lastRung;
    }

    /**
     * The bodies the ladder names by a whole id: the last rung and every rung without placeholders. (A rung with
     * placeholders stands for one body per region or district and names none of them.)
     */
    public Set<String> namedAuthorityIds() {
        Set<String> ids = new TreeSet<>();
        ids.add(lastRung.authorityId());
        for (LadderEntry entry : entries) {
            for (LadderEntry.RungTemplate rung : entry.rungs()) {
                if (rung.authorityId().placeholders().isEmpty()) {
                    ids.add(rung.authorityId().toString());
                }
            }
        }
        return ids;
    }

    @Override
    public String toString() {
        return "Ladder[" + entries.size() + " entries, last rung " + lastRung.authorityId() + ", " + conflicts.size()
                + " conflicts]";
    }
}
