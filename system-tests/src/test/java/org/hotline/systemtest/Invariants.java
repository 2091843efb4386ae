package org.hotline.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The promises of the system, checked on what the topics (read from the start, read_committed) and the SMTP
 * server hold:
 * <ul>
 *   <li>every complaint answered 202 is exactly once in complaints.received.v1 and exactly once in
 *       complaints.routed.v1, the decision on the complaint's partition and caused by its received event;</li>
 *   <li>every email the decision calls for was delivered: a {@code SENT} outcome names its Message-ID and the
 *       SMTP server received that Message-ID for the right address; or the service flagged it as in doubt (a
 *       {@code FAILED}/{@code IN_DOUBT} outcome) and a caseworker alert about the complaint was delivered;</li>
 *   <li>no Message-ID was delivered twice: under the default in-doubt policy ({@code FLAG}) a message in doubt is
 *       never resent, so even the window that cannot be closed gives no copy;</li>
 *   <li>nothing is in a dead-letter topic that was not deliberately poisoned.</li>
 * </ul>
 */
final class Invariants {

    static final String CASEWORKER_MAILBOX = "caseworkers@ngo.example";

    private static final Logger log = LoggerFactory.getLogger(Invariants.class);

    /** One email a decision calls for. */
    record Expected(String complaintId, String reference, String recipientType, @Nullable String authorityId,
            String template, String address) {

        String key() {
            return complaintId + "/" + recipientType + "/" + authorityId + "/" + template;
        }
    }

    /** What a check found, for the test's log and the benchmark. */
    record Report(int complaints, int expectedEmails, int delivered, int flaggedInDoubt, int duplicates) {
    }

    private final Topics topics;
    private final Mailbox mailbox;

    Invariants(HotlineSystem system) {
        this.topics = new Topics(system.clientSettings());
        this.mailbox = new Mailbox(system.mailbox());
    }

    /**
     * Waits up to {@code within} for every accepted complaint to be routed and its emails to be delivered or
     * flagged, then checks every invariant; {@code poisonedKeys} are the record keys deliberately made poison.
     */
    Report assertKept(Collection<Intake.Submission> submissions, Set<String> poisonedKeys, Duration within) {
        List<Intake.Submission> accepted = submissions.stream().filter(Intake.Submission::accepted).toList();
        Map<String, Intake.Submission> byId = accepted.stream()
                .collect(Collectors.toMap(Intake.Submission::complaintId, Function.identity()));
        State state = new State();
        try {
            await().atMost(within).pollInterval(Duration.ofSeconds(5)).pollDelay(Duration.ZERO)
                    .until(() -> state.refresh(byId));
        } catch (ConditionTimeoutException timeout) {
            throw new AssertionError("not settled within " + within + ": " + unrouted(byId), timeout);
        }

        List<Topics.Record> received = topics.readAll(Topics.RECEIVED);
        Map<String, List<Topics.Record>> receivedById = received.stream()
                .filter(record -> record.key() != null && byId.containsKey(record.key()))
                .collect(Collectors.groupingBy(Topics.Record::key));
        Map<String, List<Topics.Record>> routedById = state.routed.stream()
                .filter(record -> record.key() != null && byId.containsKey(record.key()))
                .collect(Collectors.groupingBy(Topics.Record::key));
        for (String id : byId.keySet()) {
            assertThat(receivedById.getOrDefault(id, List.of())).as("ComplaintReceived of %s", id).hasSize(1);
            assertThat(routedById.getOrDefault(id, List.of())).as("ComplaintRouted of %s", id).hasSize(1);
            Topics.Record in = receivedById.get(id).get(0);
            Topics.Record out = routedById.get(id).get(0);
            assertThat(out.text("causationEventId")).as("the decision on %s answers its received event", id)
                    .isEqualTo(in.text("eventId"));
            assertThat(out.partition()).as("the decision on %s stays on the complaint's partition", id)
                    .isEqualTo(in.partition());
            assertThat(out.text("reference")).isEqualTo(byId.get(id).reference());
        }

        List<Expected> missing = state.expected.stream().filter(e -> !state.delivered(e) && !state.flagged(e))
                .toList();
        assertThat(missing).as("emails the decisions call for that were neither delivered nor flagged").isEmpty();
        Map<String, Long> alertsSent = state.outcomes.stream()
                .filter(outcome -> "caseworker-alert".equals(text(outcome, "template")))
                .filter(outcome -> "SENT".equals(text(outcome, "status")))
                .filter(outcome -> state.received(text(outcome, "messageId"), CASEWORKER_MAILBOX))
                .collect(Collectors.groupingBy(outcome -> text(outcome, "complaintId"), Collectors.counting()));
        Map<String, Long> flaggedPerComplaint = state.expected.stream().filter(state::flagged)
                .collect(Collectors.groupingBy(Expected::complaintId, Collectors.counting()));
        flaggedPerComplaint.forEach((complaint, flaggedCount) -> assertThat(alertsSent.getOrDefault(complaint, 0L))
                .as("caseworker alerts delivered about complaint %s, which has messages in doubt", complaint)
                .isGreaterThanOrEqualTo(flaggedCount));
        Map<String, Long> copies = state.messages.stream()
                .collect(Collectors.groupingBy(Mailbox.Delivered::messageId, Collectors.counting()));
        List<String> duplicates = copies.entrySet().stream().filter(entry -> entry.getValue() > 1)
                .map(Map.Entry::getKey).toList();
        assertThat(duplicates).as("Message-IDs the SMTP server received more than once").isEmpty();
        List<JsonNode> otherFailures = state.outcomes.stream()
                .filter(outcome -> byId.containsKey(outcome.get("complaintId").asString()))
                .filter(outcome -> "FAILED".equals(outcome.get("status").asString()))
                .filter(outcome -> !"IN_DOUBT".equals(text(outcome, "failureClass")))
                .toList();
        assertThat(otherFailures).as("messages that failed for good for another reason than doubt").isEmpty();

        assertNoDeadLettersBut(poisonedKeys);

        int delivered = (int) state.expected.stream().filter(state::delivered).count();
        int flaggedCount = (int) state.expected.stream().filter(state::flagged).count();
        Report report = new Report(byId.size(), state.expected.size(), delivered, flaggedCount, duplicates.size());
        log.info("invariants kept: {}", report);
        return report;
    }

    /**
     * For a failure message: the accepted complaints with no decision, and where each is in
     * complaints.received.v1 (partition@offset), or that it is not there at all.
     */
    private String unrouted(Map<String, Intake.Submission> byId) {
        Set<String> routed = topics.readAll(Topics.ROUTED).stream().map(Topics.Record::key)
                .collect(Collectors.toSet());
        Map<String, List<String>> where = topics.readAll(Topics.RECEIVED).stream()
                .filter(record -> record.key() != null && byId.containsKey(record.key()))
                .collect(Collectors.groupingBy(Topics.Record::key, Collectors.mapping(record ->
                        record.partition() + "@" + record.offset(), Collectors.toList())));
        List<String> missing = byId.keySet().stream().filter(id -> !routed.contains(id))
                .map(id -> id + " (received: " + where.getOrDefault(id, List.of("nowhere")) + ")").sorted()
                .toList();
        return missing.isEmpty() ? "every accepted complaint is routed; emails still open"
                : missing.size() + " accepted complaints not routed: " + missing;
    }

    /** Every record in either dead-letter topic has one of the keys the test poisoned on purpose. */
    void assertNoDeadLettersBut(Set<String> poisonedKeys) {
        for (String topic : List.of(Topics.RECEIVED_DLT, Topics.ROUTED_DLT)) {
            assertThat(topics.readAll(topic)).as("records in %s", topic)
                    .allSatisfy(record -> assertThat(poisonedKeys).as("deliberately poisoned keys")
                            .contains(record.key()));
        }
    }

    private static @Nullable String text(JsonNode node, String field) {
        return node.get(field) == null || node.get(field).isNull() ? null : node.get(field).asString();
    }

    /** What the topics and the mailbox held at the last look. */
    private final class State {
        List<Topics.Record> routed = List.of();
        List<JsonNode> outcomes = List.of();
        List<Mailbox.Delivered> messages = List.of();
        List<Expected> expected = List.of();
        Map<String, List<JsonNode>> outcomesByKey = Map.of();
        Map<String, Set<String>> addressesByMessageId = Map.of();
        /** Each address with the references of the messages it received, so that a look-up is not a scan. */
        Map<String, Set<String>> referencesByAddress = Map.of();

        boolean refresh(Map<String, Intake.Submission> byId) {
            routed = topics.readAll(Topics.ROUTED);
            Set<String> routedIds = routed.stream().map(Topics.Record::key).collect(Collectors.toSet());
            if (!routedIds.containsAll(byId.keySet())) {
                log.info("routed {} of {}", byId.keySet().stream().filter(routedIds::contains).count(),
                        byId.size());
                return false;
            }
            expected = expectedEmails(byId);
            outcomes = topics.readAll(Topics.OUTCOMES).stream().map(Topics.Record::json)
                    .filter(json -> json != null).toList();
            outcomesByKey = outcomes.stream().collect(Collectors.groupingBy(outcome ->
                    text(outcome, "complaintId") + "/" + text(outcome, "recipientType") + "/"
                            + text(outcome, "authorityId") + "/" + text(outcome, "template")));
            messages = mailbox.messages();
            Map<String, Set<String>> addresses = new HashMap<>();
            Map<String, Set<String>> references = new HashMap<>();
            for (Mailbox.Delivered message : messages) {
                addresses.computeIfAbsent(message.messageId(), id -> new HashSet<>()).addAll(message.to());
                for (String to : message.to()) {
                    references.computeIfAbsent(to, address -> new HashSet<>()).addAll(message.references());
                }
            }
            addressesByMessageId = addresses;
            referencesByAddress = references;
            List<Expected> open = expected.stream().filter(e -> !delivered(e) && !flagged(e)).toList();
            log.info("emails: {} expected, {} neither delivered nor flagged yet (first: {}), {} in the mailbox",
                    expected.size(), open.size(), open.stream().limit(3).toList(), messages.size());
            return open.isEmpty();
        }

        private List<Expected> expectedEmails(Map<String, Intake.Submission> byId) {
            List<Expected> emails = new ArrayList<>();
            for (Topics.Record record : routed) {
                Intake.Submission submission = record.key() == null ? null : byId.get(record.key());
                if (submission == null || record.json() == null) {
                    continue;
                }
                String id = submission.complaintId();
                String reference = submission.reference();
                for (JsonNode assignment : record.json().get("assignments")) {
                    emails.add(new Expected(id, reference, "AUTHORITY", assignment.get("authorityId").asString(),
                            "authority-notice",
                            assignment.get("contactEmail").asString().toLowerCase(Locale.ROOT)));
                }
                emails.add(new Expected(id, reference, "CASEWORKER", null, "caseworker-decision", CASEWORKER_MAILBOX));
                if (submission.complaint().acknowledged()) {
                    emails.add(new Expected(id, reference, "COMPLAINANT", null, "complainant-acknowledgement",
                            submission.complaint().email().toLowerCase(Locale.ROOT)));
                }
            }
            return emails;
        }

        /**
         * A SENT outcome names the message, and the SMTP server received that Message-ID for the address. A message
         * to the complainant has no outcome on the integrators' topic: the SMTP server received one for the
         * address naming the complaint's reference.
         */
        boolean delivered(Expected email) {
            if ("COMPLAINANT".equals(email.recipientType())) {
                return referencesByAddress.getOrDefault(email.address(), Set.of()).contains(email.reference());
            }
            return outcomesByKey.getOrDefault(email.key(), List.of()).stream()
                    .filter(outcome -> "SENT".equals(text(outcome, "status")))
                    .anyMatch(outcome -> received(text(outcome, "messageId"), email.address()));
        }

        /**
         * Found in doubt: its outcome says so. The complainant's has no outcome on the integrators' topic: it counts
         * as flagged only when the mailbox does not have it and the caseworkers were alerted about the complaint
         * (an alert about another of its messages must not count for it as well).
         */
        boolean flagged(Expected email) {
            if ("COMPLAINANT".equals(email.recipientType())) {
                return !delivered(email) && outcomes.stream().anyMatch(outcome -> email.complaintId().equals(
                        text(outcome, "complaintId")) && "caseworker-alert".equals(text(outcome, "template")));
            }
            return outcomesByKey.getOrDefault(email.key(), List.of()).stream()
                    .anyMatch(outcome -> "IN_DOUBT".equals(text(outcome, "failureClass")));
        }

        boolean received(@Nullable String messageId, String address) {
            return messageId != null && addressesByMessageId.getOrDefault(messageId, Set.of()).contains(address);
        }
    }
}
