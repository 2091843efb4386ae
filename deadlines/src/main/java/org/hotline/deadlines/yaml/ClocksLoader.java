package org.hotline.deadlines.yaml;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.datafiles.YamlNodes;
import org.hotline.deadlines.domain.CalendarProblem;
import org.hotline.deadlines.domain.Clock;
import org.hotline.deadlines.domain.InvalidCalendarException;
import org.hotline.deadlines.domain.StatutoryClocks;
import org.hotline.deadlines.domain.WorkingCalendar;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Builds the {@link StatutoryClocks} from {@code clocks.yml}: a {@code default} line with both deadlines, lines
 * {@code byAuthorityType} and {@code byAuthority} (authority ids of the directory) that override either. Every
 * problem is reported with its line, and any problem fails the load.
 */
public final class ClocksLoader {

    /** The authority types of ComplaintRouted v1 (docs/schemas/complaint-routed.v1.schema.json). */
    public static final Set<String> AUTHORITY_TYPES = Set.of("POLICE", "PROSECUTOR", "ANTI_CORRUPTION",
            "LABOUR_INSPECTION", "EDUCATION_AUTHORITY", "OMBUDSMAN", "CHILDREN_OMBUDSMAN", "CRISIS_CENTER",
            "NGO_LEGAL_AID", "TRIAGE");
    private static final List<String> CLOCK_FIELDS = List.of("acknowledgeWorkingDays", "answerWorkingDays");
    /** A clock longer than a year is a typo, not a law. */
    private static final int MAX_WORKING_DAYS = 250;

    /** @throws InvalidCalendarException listing every problem found, each with its line */
    public StatutoryClocks load(CalendarFile file, WorkingCalendar calendar, ZoneId zone) {
        List<CalendarProblem> problems = new ArrayList<>();
        YamlNodes yaml = yaml(file.name(), problems);
        MappingNode root = yaml.root(file.content());
        Clock defaults = null;
        Map<String, Clock> byType = new LinkedHashMap<>();
        Map<String, Clock> byAuthority = new LinkedHashMap<>();
        if (root != null) {
            Map<String, Node> top = yaml.fields(root, "clocks file", List.of("default", "byAuthorityType",
                    "byAuthority"));
            MappingNode defaultNode = yaml.mapping(top, "default", root);
            if (defaultNode != null) {
                defaults = clock(yaml, defaultNode, true);
            }
            byType = clocks(yaml, top, "byAuthorityType");
            byType.keySet().stream().filter(type -> !AUTHORITY_TYPES.contains(type)).sorted().forEach(type ->
                    problems.add(new CalendarProblem(file.name(), YamlNodes.line(top.get("byAuthorityType")),
                            "unknown authority type '" + type + "' (one of " + String.join(", ",
                                    AUTHORITY_TYPES.stream().sorted().toList()) + ")")));
            byAuthority = clocks(yaml, top, "byAuthority");
        }
        if (!problems.isEmpty() || defaults == null) {
            throw new InvalidCalendarException(problems);
        }
        return new StatutoryClocks(calendar, zone, defaults, byType, byAuthority);
    }

    private static Map<String, Clock> clocks(YamlNodes yaml, Map<String, Node> top, String name) {
        Map<String, Clock> clocks = new LinkedHashMap<>();
        Node node = top.get(name);
        if (node == null) {
            return clocks;
        }
        if (!(node instanceof MappingNode mapping)) {
            yaml.fail(node, "'" + name + "' must be a mapping");
            return clocks;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key) || !(tuple.getValueNode() instanceof MappingNode value)) {
                yaml.fail(tuple.getKeyNode(), "'" + name + "' maps a name to { acknowledgeWorkingDays, "
                        + "answerWorkingDays }");
                continue;
            }
            Clock clock = clock(yaml, value, false);
            if (clock != null) {
                clocks.put(key.getValue().strip(), clock);
            }
        }
        return clocks;
    }

    private static @Nullable Clock clock(YamlNodes yaml, MappingNode node, boolean complete) {
        Map<String, Node> fields = yaml.fields(node, "clock", CLOCK_FIELDS);
        Integer acknowledge = days(yaml, fields, "acknowledgeWorkingDays", node, complete);
        Integer answer = days(yaml, fields, "answerWorkingDays", node, complete);
        if (!complete && fields.isEmpty()) {
            yaml.fail(node, "a clock states acknowledgeWorkingDays, answerWorkingDays or both");
        }
        if (acknowledge == null && answer == null) {
            return null;
        }
        return new Clock(acknowledge, answer);
    }

    private static @Nullable Integer days(YamlNodes yaml, Map<String, Node> fields, String name, Node owner,
            boolean required) {
        String value = yaml.text(fields, name, owner, required);
        if (value == null) {
            return null;
        }
        try {
            int days = Integer.parseInt(value);
            if (days >= 1 && days <= MAX_WORKING_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // reported below with the value as written
        }
        yaml.fail(fields.get(name), "'" + name + "' must be a number of working days from 1 to " + MAX_WORKING_DAYS
                + ", not '" + value + "'");
        return null;
    }

    /** The file's YAML nodes, its problems reported into {@code problems}. */
    private static YamlNodes yaml(String file, List<CalendarProblem> problems) {
        return new YamlNodes(file, (name, line, problem) -> problems.add(new CalendarProblem(name, line, problem)));
    }
}
