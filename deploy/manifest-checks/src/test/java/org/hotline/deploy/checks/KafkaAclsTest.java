package org.hotline.deploy.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One list of Kafka rights: deploy/kafka/acls.txt, which deploy/kafka/apply-acls.sh grants and the system tests'
 * secured cluster applies, and the Strimzi KafkaUser resources of docs/kafka-production.md must grant the same, no
 * right more and none less.
 */
class KafkaAclsTest {

    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL);

    @Test
    void theKafkaUsersOfTheProductionGuideGrantExactlyTheRightsOfTheAclFile() throws Exception {
        // given the ACL file and the guide
        Set<String> file = fromFile(Repository.read(Repository.path("deploy/kafka/acls.txt")));
        Set<String> guide = fromGuide(Repository.read(Repository.path("docs/kafka-production.md")));

        // then they grant the same rights
        assertThat(file).as("rights in deploy/kafka/acls.txt").isNotEmpty();
        assertThat(guide).as("rights of docs/kafka-production.md's KafkaUser resources")
                .containsExactlyInAnyOrderElementsOf(file);
    }

    @Test
    void theAclFileGivesCreateOnlyToTheCaseServiceAndNoRightToAnyTopicOfAllTopics() {
        // given the ACL file
        Set<String> rights = fromFile(Repository.read(Repository.path("deploy/kafka/acls.txt")));

        // then only Kafka Streams creates topics (its changelogs), and no right names every resource of a type
        assertThat(rights).filteredOn(right -> right.endsWith(" Create"))
                .allMatch(right -> right.startsWith("case-service topic prefixed case-service- "));
        assertThat(rights).noneMatch(right -> "*".equals(right.split(" ")[3]));
        // and the integrator reads the three public topics and nothing else
        assertThat(rights).filteredOn(right -> right.startsWith("integrator topic ")).containsExactlyInAnyOrder(
                "integrator topic literal complaints.received.v1 Read",
                "integrator topic literal complaints.received.v1 Describe",
                "integrator topic literal complaints.routed.v1 Read",
                "integrator topic literal complaints.routed.v1 Describe",
                "integrator topic literal notifications.outcomes.v1 Read",
                "integrator topic literal notifications.outcomes.v1 Describe");
    }

    /** Each right as "principal type pattern name Operation". */
    static Set<String> fromFile(String text) {
        Set<String> rights = new TreeSet<>();
        for (String line : text.lines().map(String::strip).toList()) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\\s+");
            assertThat(columns).as(line).hasSize(5);
            for (String operation : columns[4].split(",")) {
                rights.add(String.join(" ", columns[0], columns[1], columns[2], columns[3], operation));
            }
        }
        return rights;
    }

    private static Set<String> fromGuide(String markdown) throws Exception {
        YAMLMapper yaml = new YAMLMapper();
        Set<String> rights = new TreeSet<>();
        Matcher block = YAML_BLOCK.matcher(markdown);
        while (block.find()) {
            JsonNode resource = yaml.readTree(block.group(1));
            if (resource == null || !"KafkaUser".equals(resource.path("kind").asText())) {
                continue;
            }
            String user = resource.path("metadata").path("name").asText();
            for (JsonNode acl : resource.path("spec").path("authorization").path("acls")) {
                JsonNode on = acl.path("resource");
                String type = switch (on.path("type").asText()) {
                    case "transactionalId" -> "transactional-id";
                    case "topic", "group" -> on.path("type").asText();
                    default -> throw new IllegalArgumentException("resource type of " + user + ": " + on);
                };
                String pattern = "prefix".equals(on.path("patternType").asText("literal")) ? "prefixed" : "literal";
                for (JsonNode operation : acl.path("operations")) {
                    rights.add(String.join(" ", user, type, pattern, on.path("name").asText(), operation.asText()));
                }
            }
        }
        return rights;
    }
}
