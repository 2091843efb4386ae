package org.hotline.routing.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.hotline.routing.directory.application.DirectoryFile;
import org.hotline.routing.directory.domain.AuthorityType;
import org.hotline.routing.rules.domain.AccusedRole;
import org.hotline.routing.rules.domain.Category;
import org.hotline.routing.rules.domain.ComplainantMode;
import org.hotline.routing.rules.domain.RoutingEngine;
import org.hotline.routing.rules.domain.Sector;
import org.hotline.routing.rules.domain.WorkplaceType;
import org.hotline.routing.rules.yaml.YamlRoutingEngineLoader;

/**
 * A directory far larger than any country's: 1 country, 100 regions of 9 districts each (1,000 units),
 * every authority type at every unit (10,000 authorities), and 1,000 random rules. Written as YAML and read by
 * the real loader, so the benchmark also shows the loader's cost at that size.
 */
final class SyntheticDirectory {

    static final int REGIONS = 100;
    static final int DISTRICTS_PER_REGION = 9;
    static final int RULES = 1_000;

    private SyntheticDirectory() {
    }

    static RoutingEngine engine() {
        return new YamlRoutingEngineLoader().load(file("units.yml", units()), file("authorities.yml", authorities()),
                file("rules.yml", rules(new Random(42))));
    }

    static String region(int r) {
        return "XX-" + r;
    }

    static String district(int r, int d) {
        return String.format("%03d%06d", r, d);
    }

    private static DirectoryFile file(String name, String text) {
        return new DirectoryFile(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static String units() {
        StringBuilder yaml = new StringBuilder("units:\n");
        unit(yaml, "XX", "COUNTRY", null);
        for (int r = 0; r < REGIONS; r++) {
            unit(yaml, region(r), "REGION", "XX");
            for (int d = 0; d < DISTRICTS_PER_REGION; d++) {
                unit(yaml, district(r, d), "DISTRICT", region(r));
            }
        }
        return yaml.toString();
    }

    private static void unit(StringBuilder yaml, String code, String kind, String parent) {
        yaml.append("  - code: \"").append(code).append("\"\n    kind: ").append(kind).append('\n');
        if (parent != null) {
            yaml.append("    parent: \"").append(parent).append("\"\n");
        }
        yaml.append("    name: { kk: U").append(code).append(", ru: U").append(code).append(", en: U").append(code)
                .append(" }\n");
    }

    private static String authorities() {
        StringBuilder yaml = new StringBuilder("authorities:\n");
        for (AuthorityType type : AuthorityType.values()) {
            String national = type.name().toLowerCase() + "-xx";
            authority(yaml, national, type, "NATIONAL", "XX", null);
            for (int r = 0; r < REGIONS; r++) {
                String regional = type.name().toLowerCase() + "-" + region(r).toLowerCase();
                authority(yaml, regional, type, "REGION", region(r), national);
                for (int d = 0; d < DISTRICTS_PER_REGION; d++) {
                    authority(yaml, type.name().toLowerCase() + "-" + district(r, d), type, "DISTRICT",
                            district(r, d), regional);
                }
            }
        }
        return yaml.toString();
    }

    private static void authority(StringBuilder yaml, String id, AuthorityType type, String level, String unit,
            String superior) {
        yaml.append("  - id: ").append(id).append("\n    type: ").append(type).append("\n    level: ").append(level)
                .append("\n    unit: \"").append(unit).append("\"\n    name: { kk: A, ru: A, en: A ")
                .append(id).append(" }\n    contactEmail: ").append(id).append("@example.org\n")
                .append("    correspondenceLanguage: ru\n    acceptsAnonymous: ")
                .append(type.ordinal() % 2 == 0).append("\n    answerDeadlineWorkingDays: 15\n");
        if (superior != null) {
            yaml.append("    superior: ").append(superior).append('\n');
        }
    }

    private static String rules(Random random) {
        StringBuilder yaml = new StringBuilder("""
                version: synthetic-1
                triageAuthority: triage-xx
                primaryPriority: [POLICE, ANTI_CORRUPTION, LABOUR_INSPECTION, PROSECUTOR, CHILDREN_OMBUDSMAN,
                                  EDUCATION_AUTHORITY, OMBUDSMAN, CRISIS_CENTER, NGO_LEGAL_AID, TRIAGE]
                anonymity: { id: anonymous-appeal, reason: Triage stands in. }
                fallback: { id: fallback-triage, reason: Triage decides. }
                rules:
                """);
        List<String> policies = List.of("MOST_SPECIFIC", "REGION_OR_ABOVE", "REGION_ONLY", "NATIONAL");
        for (int i = 0; i < RULES; i++) {
            yaml.append("  - id: rule-").append(i).append("\n    when:\n");
            for (int c = 0; c < 1 + random.nextInt(2); c++) {
                yaml.append("      - categories: [").append(Category.values()[random.nextInt(7)]).append(']');
                if (random.nextBoolean()) {
                    yaml.append("\n        sectors: [").append(Sector.values()[random.nextInt(4)]).append(']');
                }
                if (random.nextBoolean()) {
                    yaml.append("\n        workplaceTypes: [").append(WorkplaceType.values()[random.nextInt(8)])
                            .append(", ").append(WorkplaceType.values()[random.nextInt(8)]).append(']');
                }
                if (random.nextInt(3) == 0) {
                    yaml.append("\n        accusedRoles: [").append(AccusedRole.values()[random.nextInt(5)]).append(']');
                }
                if (random.nextInt(4) == 0) {
                    yaml.append("\n        minor: ").append(random.nextBoolean());
                }
                if (random.nextInt(4) == 0) {
                    yaml.append("\n        complainantModes: [").append(ComplainantMode.values()[random.nextInt(3)])
                            .append(']');
                }
                yaml.append('\n');
            }
            if (random.nextInt(5) == 0) {
                yaml.append("    unless:\n      - publicOfficial: ").append(random.nextBoolean()).append('\n');
            }
            yaml.append("    assign:\n");
            for (int a = 0; a < 1 + random.nextInt(3); a++) {
                yaml.append("      - { type: ").append(AuthorityType.values()[random.nextInt(9)])
                        .append(", role: ").append(random.nextInt(3) == 0 ? "PRIMARY" : "COPY")
                        .append(", level: ").append(policies.get(random.nextInt(4)))
                        .append(", reason: Synthetic rule ").append(i).append(". }\n");
            }
        }
        return yaml.toString();
    }
}
