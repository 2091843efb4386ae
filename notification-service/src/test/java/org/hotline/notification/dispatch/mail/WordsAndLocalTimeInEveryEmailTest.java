package org.hotline.notification.dispatch.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.notification.dispatch.mail.ThymeleafMailRendererTest.attachments;
import static org.hotline.notification.dispatch.mail.ThymeleafMailRendererTest.parse;
import static org.hotline.notification.dispatch.mail.ThymeleafMailRendererTest.part;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hotline.notification.acknowledgement.domain.AcknowledgementLinks;
import org.hotline.notification.acknowledgement.domain.LinkSigner;
import org.hotline.notification.dispatch.directory.UnitsFile;
import org.hotline.notification.dispatch.domain.Assignment;
import org.hotline.notification.dispatch.domain.AssignmentRole;
import org.hotline.notification.dispatch.domain.Authority;
import org.hotline.notification.dispatch.domain.ComplainantMode;
import org.hotline.notification.dispatch.domain.Directory;
import org.hotline.notification.dispatch.domain.FailureClass;
import org.hotline.notification.dispatch.domain.LadderPlanner;
import org.hotline.notification.dispatch.domain.LadderStep;
import org.hotline.notification.dispatch.domain.Language;
import org.hotline.notification.dispatch.domain.MessagePlanner;
import org.hotline.notification.dispatch.domain.NgoContact;
import org.hotline.notification.dispatch.domain.Places;
import org.hotline.notification.dispatch.domain.PlannedMessage;
import org.hotline.notification.dispatch.domain.RecipientType;
import org.hotline.notification.dispatch.domain.RoutedComplaint;
import org.hotline.notification.dispatch.domain.Vocabulary;
import org.hotline.notification.dispatch.support.RecordingMetrics;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every shipped template, in every language it is shipped in, shows people words and Almaty's local time (issue 15,
 * item 4): rendered from models the planners build out of events that carry every code of every coded field, no
 * email shows a code, a machine timestamp or an ISO date, and a known instant appears as the JDK's time zone rules
 * put it in Almaty. Templates and languages are found on the classpath, so one added later is checked too, and one
 * this test cannot build a model for fails it.
 */
class WordsAndLocalTimeInEveryEmailTest {

    /** 22:15:30.123456789 UTC on 3 December: already 4 December in Almaty, so a UTC date or time shows. */
    private static final Instant KNOWN = Instant.parse("2026-12-03T22:15:30.123456789Z");
    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UUID COMPLAINT = UUID.fromString("3f0c2a1e-8d4b-4c55-9a61-2f7e1d0b9c33");
    private static final String REFERENCE = "HL-7F3K-9QX2-ABCD";
    private static final String DISTRICT = "kz-39-391010000-education";
    private static final String REGION = "kz-39-education";
    private static final String PROSECUTOR = "kz-39-prosecutor";

    // The codes of the events this service reads (docs/schemas) and of its own alerts and dossiers.
    private static final List<String> CATEGORIES = List.of("SEXUAL_HARASSMENT", "SEXUAL_COERCION", "SEXUAL_VIOLENCE",
            "EXTORTION", "RETALIATION", "DISCRIMINATION", "OTHER");
    private static final List<String> WORKPLACE_TYPES = List.of("SCHOOL", "KINDERGARTEN", "UNIVERSITY", "HEALTHCARE",
            "GOVERNMENT_BODY", "COMPANY", "TRANSPORT", "OTHER");
    private static final List<String> SECTORS = List.of("PUBLIC", "PRIVATE", "NGO", "INFORMAL");
    private static final List<String> ACCUSED_ROLES = List.of("HEAD_OF_ORGANIZATION", "SUPERVISOR", "COLLEAGUE",
            "CLIENT", "OTHER");
    private static final List<String> ROLES = List.of("PRIMARY", "COPY", "ESCALATION");
    private static final List<String> OUTCOMES = List.of("ACCEPTED_FOR_CONSIDERATION", "FORWARDED", "MEASURES_TAKEN",
            "REFUSED");
    private static final List<String> OTHER_CODES = List.of("ANONYMOUS", "CONFIDENTIAL", "OPEN", "ACKNOWLEDGED",
            "ANSWERED", "ESCALATED", "TOLD", "REMINDED", "ESCALATED_PAST", "LADDER_ENDED", "ESCALATED_PAST_EARLY",
            "LADDER_ENDED_EARLY", "NO_ANSWER_BY_DEADLINE",
            "CASEWORKER_DECISION", "AUTHORITY", "COMPLAINANT", "CASEWORKER", "TRANSIENT", "REJECTED",
            "INVALID_ADDRESS", "RETRIES_EXHAUSTED", "IN_DOUBT", "EDUCATION_AUTHORITY", "PROSECUTOR", "KZ");
    /** Codes that are also ordinary words of the shipped English text ("the NGO's mail server"). */
    private static final Set<String> ALSO_WORDS = Set.of("NGO");

    private static final Pattern UPPER_CASE_CODE = Pattern.compile("\\b[A-Z]{2,}(?:_[A-Z]+)+\\b");
    private static final Pattern REGION_CODE = Pattern.compile("\\b[A-Z]{2}-\\d{2}\\b");
    /** A KATO code alone; inside a directory id ({@code kz-39-391010000-education}) it is part of a reference. */
    private static final Pattern DISTRICT_CODE = Pattern.compile("(?<![\\d-])\\d{9}(?![\\d-])");
    private static final Pattern ISO_INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
    private static final Pattern ISO_DATE = Pattern.compile("(?<!\\d)\\d{4}-\\d{2}-\\d{2}(?!\\d)");
    private static final Pattern UTC_TIME = Pattern.compile("\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\.\\d+)?Z\\b|\\bUTC\\b");
    private static final Pattern SECONDS = Pattern.compile("\\d{1,2}:\\d{2}:\\d{2}|:\\d{2}\\.\\d{3,9}");
    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<]+");

    /** The templates whose emails show one of {@link #KNOWN}'s moments, with their time. */
    private static final Set<String> SHOW_TIME = Set.of(MessagePlanner.CASEWORKER_DECISION,
            LadderPlanner.AUTHORITY_REMINDER, LadderPlanner.AUTHORITY_ESCALATION, LadderPlanner.CASEWORKER_ESCALATION,
            LadderPlanner.CASEWORKER_DOSSIER);
    /** The templates whose emails show {@link #KNOWN}'s day without a time. */
    private static final Set<String> SHOW_DAY = Set.of(LadderPlanner.COMPLAINANT_UPDATE);

    private static final LinkSigner SIGNER = new LinkSigner("k1",
            Map.of("k1", "a key of at least thirty-two bytes!!".getBytes(StandardCharsets.UTF_8)));

    private final RecordingMetrics metrics = new RecordingMetrics();
    private final ThymeleafMailRenderer renderer = new ThymeleafMailRenderer(null, "notifications@ngo.example",
            metrics, Session.getInstance(new Properties()), Clock.systemUTC(), new AcknowledgementLinks(SIGNER,
                    "https://cases.ngo.example", Duration.ofDays(60), Clock.fixed(KNOWN, ZoneOffset.UTC)));

    @Test
    void everyTemplateInEveryLanguageShowsWordsAndAlmatyTimeNeverACodeOrAMachineTimestamp() throws Exception {
        // given: every shipped template and language, and the sample directory's names of places
        Map<String, Set<Language>> shipped = shippedTemplates();
        Places places = sampleUnits();
        ZonedDateTime local = KNOWN.atZone(ALMATY);
        String localTime = DateTimeFormatter.ofPattern("HH:mm").format(local);
        String utcTime = DateTimeFormatter.ofPattern("HH:mm").format(KNOWN.atZone(ZoneOffset.UTC));
        assertThat(localTime).as("the JDK's rules put Almaty off UTC").isNotEqualTo(utcTime);
        assertThat(shipped.keySet()).as("every template a planner writes is shipped").containsAll(Stream.concat(
                MessagePlanner.TEMPLATES.keySet().stream(), LadderPlanner.TEMPLATES.keySet().stream()).toList());
        Map<Language, List<PlannedMessage>> planned = new LinkedHashMap<>();
        for (Language language : Language.values()) {
            planned.put(language, messages(language, places));
        }
        int rendered = 0;

        for (Map.Entry<String, Set<Language>> template : shipped.entrySet()) {
            for (Language language : template.getValue()) {
                // when: each message the planners make for this template in this language is rendered
                List<PlannedMessage> messages = planned.get(language).stream()
                        .filter(message -> message.template().equals(template.getKey())
                                && message.language() == language)
                        .toList();
                assertThat(messages).as("models for %s in %s", template.getKey(), language).isNotEmpty();
                for (PlannedMessage message : messages) {
                    MimeMessage email = parse(renderer.render(message));
                    String where = template.getKey() + "/" + language.code();

                    // then: in the language asked for, in words and local time
                    assertThat(email.getHeader("Content-Language")).as(where).containsExactly(language.code());
                    List<String> parts = new ArrayList<>(List.of(email.getSubject(), part(email, "text/plain"),
                            part(email, "text/html")));
                    parts.addAll(attachments(email).values());
                    for (String part : parts) {
                        assertInWordsAndLocalTime(where, part);
                    }
                    String text = part(email, "text/plain");
                    String html = part(email, "text/html");
                    if (SHOW_TIME.contains(template.getKey())) {
                        String moment = Vocabulary.date(local.toLocalDate(), language) + ", " + localTime;
                        assertThat(text).as(where).contains(moment);
                        assertThat(html).as(where).contains(moment);
                    }
                    if (SHOW_DAY.contains(template.getKey())) {
                        assertThat(text).as(where).contains(Vocabulary.date(local.toLocalDate(), language))
                                .doesNotContain(Vocabulary.date(LocalDate.ofInstant(KNOWN, ZoneOffset.UTC), language));
                        assertThat(html).as(where).contains(Vocabulary.date(local.toLocalDate(), language));
                    }
                    rendered++;
                }
            }
        }
        assertThat(metrics.events).noneMatch(event -> event.startsWith("fallback"));
        assertThat(rendered).isGreaterThan(100);
    }

    @Test
    void everyCodeThePublishedEventsCarryHasWordsInEveryLanguage() throws Exception {
        // given: the codes the published schemas allow in the fields emails show
        Path schemas = Path.of("../docs/schemas");
        assumeTrue(Files.isDirectory(schemas), "docs/schemas not present next to the module");
        JsonNode routed = JSON.readTree(Files.readString(schemas.resolve("complaint-routed.v1.schema.json")));
        JsonNode update = JSON.readTree(Files.readString(schemas.resolve("complainant-update-due.v1.schema.json")));
        JsonNode escalation = JSON.readTree(Files.readString(schemas.resolve("escalation-due.v1.schema.json")));
        Set<String> codes = new LinkedHashSet<>();
        codes.addAll(values(routed.at("/properties/complaint/properties/incident/properties/categories/items/enum")));
        codes.addAll(values(routed.at("/properties/complaint/properties/workplace/properties/sector/enum")));
        codes.addAll(values(routed.at("/properties/complaint/properties/workplace/properties/type/enum")));
        codes.addAll(values(routed.at("/properties/complaint/properties/accused/properties/role/enum")));
        codes.addAll(values(routed.at("/properties/complaint/properties/complainant/properties/mode/enum")));
        codes.addAll(values(routed.at("/properties/assignments/items/properties/role/enum")));
        codes.addAll(values(update.at("/properties/outcome/enum")));
        codes.addAll(values(update.at("/properties/role/enum")));
        codes.addAll(values(escalation.at("/properties/history/items/properties/role/enum")));
        assertThat(codes).hasSizeGreaterThan(30);

        // then: each is a word in Kazakh, Russian and English, and this test's events carry each
        for (String code : codes) {
            for (Language language : Language.values()) {
                assertThat(Vocabulary.word(code, language)).as("%s in %s", code, language).isNotBlank()
                        .isNotEqualTo(code);
            }
        }
        assertThat(Stream.of(CATEGORIES, WORKPLACE_TYPES, SECTORS, ACCUSED_ROLES, ROLES, OUTCOMES, OTHER_CODES)
                .flatMap(List::stream).toList()).containsAll(codes);
    }

    /** Nothing a person reads is a code, a UTC or ISO timestamp, an ISO date or a piece of template syntax. */
    private static void assertInWordsAndLocalTime(String where, String part) {
        String shown = LINK.matcher(part).replaceAll("");
        assertThat(found(UPPER_CASE_CODE, shown)).as("codes in %s:%n%s", where, part).isEmpty();
        assertThat(found(REGION_CODE, shown)).as("region codes in %s:%n%s", where, part).isEmpty();
        assertThat(found(DISTRICT_CODE, shown)).as("district codes in %s:%n%s", where, part).isEmpty();
        assertThat(found(ISO_INSTANT, shown)).as("ISO instants in %s:%n%s", where, part).isEmpty();
        assertThat(found(ISO_DATE, shown)).as("ISO dates in %s:%n%s", where, part).isEmpty();
        assertThat(found(UTC_TIME, shown)).as("UTC times in %s:%n%s", where, part).isEmpty();
        assertThat(found(SECONDS, shown)).as("seconds or nanoseconds in %s:%n%s", where, part).isEmpty();
        for (String code : Stream.of(CATEGORIES, WORKPLACE_TYPES, SECTORS, ACCUSED_ROLES, ROLES, OUTCOMES,
                OTHER_CODES).flatMap(List::stream).filter(code -> !ALSO_WORDS.contains(code)).toList()) {
            assertThat(found(Pattern.compile("(?<![\\p{L}\\d_-])" + code + "(?![\\p{L}\\d_-])"), shown))
                    .as("the code %s in %s:%n%s", code, where, part).isEmpty();
        }
        assertThat(shown).as(where).doesNotContain(Vocabulary.ALREADY_TOLD, "[(", "[#", "th:", "/*[-", "${");
        // a date that ends in a full stop ("2026 г.") at the end of a sentence
        assertThat(shown).as(where).doesNotContain("..");
    }

    private static List<String> found(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    /** The templates on the classpath, each with the languages all three of its files exist in. */
    private static Map<String, Set<Language>> shippedTemplates() throws Exception {
        Path root = Path.of(WordsAndLocalTimeInEveryEmailTest.class.getResource("/mail-templates").toURI());
        Map<String, Set<Language>> templates = new TreeMap<>();
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                Set<Language> languages = new LinkedHashSet<>();
                for (Language language : Language.values()) {
                    if (Stream.of(".subject.txt", ".txt", ".html")
                            .allMatch(suffix -> Files.exists(folder.resolve(language.code() + suffix)))) {
                        languages.add(language);
                    }
                }
                templates.put(folder.getFileName().toString(), languages);
            }
        }
        return templates;
    }

    /** The sample units.yml of the routing directory, as the service loads it at start. */
    private static Places sampleUnits() throws Exception {
        try (InputStream in = WordsAndLocalTimeInEveryEmailTest.class.getResourceAsStream("/directory/kz/units.yml")) {
            assertThat(in).as("the sample units.yml on the classpath").isNotNull();
            return new UnitsFile().load("units.yml", in.readAllBytes());
        }
    }

    /**
     * Every message both planners make for events in which everything written to {@code language} readers is in
     * it: complaints in each identity mode with every code of every coded field between them, an alert for each
     * recipient type and failure, each ladder step for each role and each reason to escalate, and the complainant's
     * news of each kind, answer and reason to escalate.
     */
    private static List<PlannedMessage> messages(Language language, Places places) {
        NgoContact ngo = new NgoContact(Map.of(Language.KK, "Сенім желісі", Language.RU, "Линия доверия",
                Language.EN, "Trust line"), "hotline@ngo.example", "+7 700 000 00 00", "caseworkers@ngo.example",
                language, "notifications@ngo.example");
        MessagePlanner planner = new MessagePlanner(ngo, places, "notification.test");
        LadderPlanner ladder = new LadderPlanner(ngo, directory(language), places, ALMATY, "notification.test");
        List<PlannedMessage> messages = new ArrayList<>();
        List<ComplainantMode> modes = List.of(ComplainantMode.values());
        for (int variant = 0; variant < WORKPLACE_TYPES.size(); variant++) {
            messages.addAll(planner.plan(complaint(language, modes.get(variant % modes.size()), variant)));
        }
        for (RecipientType type : RecipientType.values()) {
            for (FailureClass failure : FailureClass.values()) {
                messages.add(planner.alert(new MessagePlanner.AlertSubject(UUID.randomUUID(), "HL-7F3K-9QX2-ABCD",
                        KNOWN, "m-1@notification.test", type, type == RecipientType.AUTHORITY
                                ? "kz-39-anti-corruption" : null, MessagePlanner.AUTHORITY_NOTICE, failure,
                        "550 5.1.1 mailbox unavailable")));
            }
        }
        for (String role : ROLES) {
            messages.addAll(ladder.plan(new LadderStep.Reminder(UUID.randomUUID(), COMPLAINT, REFERENCE,
                    KNOWN.plus(Duration.ofDays(4)), DISTRICT, role, KNOWN, LocalDate.parse("2026-12-09"),
                    LocalDate.parse("2026-12-24"))));
        }
        for (int variant = 0; variant < WORKPLACE_TYPES.size(); variant++) {
            boolean early = variant % 3 == 1;
            messages.addAll(ladder.plan(new LadderStep.Escalation(UUID.randomUUID(), COMPLAINT, REFERENCE,
                    KNOWN.plus(Duration.ofDays(21)), DISTRICT, REGION, 1, variant % 2 == 0,
                    early ? LadderStep.Escalation.CASEWORKER_DECISION : LadderStep.Escalation.NO_ANSWER_BY_DEADLINE,
                    early ? new LadderStep.Decision("The department refused to register the complaint by phone.",
                            KNOWN) : null,
                    LocalDate.parse("2026-12-29"), LocalDate.parse("2027-01-18"), skipped(), history(early),
                    summary(variant))));
            messages.addAll(ladder.plan(new LadderStep.Exhausted(UUID.randomUUID(), COMPLAINT, REFERENCE,
                    KNOWN.plus(Duration.ofDays(60)), early ? REGION : PROSECUTOR, skipped(), history(early),
                    summary(variant))));
        }
        for (String role : ROLES) {
            for (ComplainantMode mode : List.of(ComplainantMode.CONFIDENTIAL, ComplainantMode.OPEN)) {
                messages.addAll(ladder.plan(update(LadderStep.ComplainantUpdate.ACKNOWLEDGED, null, role, mode,
                        language, null)));
                for (String reason : List.of(LadderStep.Escalation.NO_ANSWER_BY_DEADLINE,
                        LadderStep.Escalation.CASEWORKER_DECISION)) {
                    messages.addAll(ladder.plan(update(LadderStep.ComplainantUpdate.ESCALATED, null, role, mode,
                            language, reason)));
                }
                for (String outcome : OUTCOMES) {
                    messages.addAll(ladder.plan(update(LadderStep.ComplainantUpdate.ANSWERED, outcome, role, mode,
                            language, null)));
                }
            }
        }
        return messages;
    }

    /** A complaint to three bodies writing in {@code language}: dated primary, dated copy, undated primary. */
    private static RoutedComplaint complaint(Language language, ComplainantMode mode, int variant) {
        Map<Language, String> reasons = Map.of(Language.KK, "Лауазымды тұлғаның қорқытып алуы сыбайлас жемқорлық",
                Language.RU, "Вымогательство должностным лицом — коррупционное правонарушение", Language.EN,
                "Extortion by a public official is a corruption offence");
        List<Assignment> bodies = List.of(
                new Assignment("kz-39-anti-corruption", "ANTI_CORRUPTION", AssignmentRole.PRIMARY,
                        "extortion-by-public-official", reasons.get(Language.EN), names("Антикоррупционная служба"),
                        "anticorruption@authority.example", language, 15, reasons, LocalDate.parse("2026-12-08"),
                        LocalDate.parse("2026-12-25")),
                new Assignment("kz-39-labour", "LABOUR_INSPECTION", AssignmentRole.COPY, "workplace-harassment",
                        reasons.get(Language.EN), names("Трудовая инспекция"), "labour@authority.example", language,
                        null, reasons, LocalDate.parse("2026-12-08"), LocalDate.parse("2026-12-25")),
                new Assignment("kz-39-prosecutor", "PROSECUTOR", AssignmentRole.PRIMARY, "public-official-accused",
                        reasons.get(Language.EN), names("Прокуратура"), "prosecutor@authority.example", language, 15,
                        reasons, null, null));
        return new RoutedComplaint(UUID.randomUUID(), COMPLAINT, REFERENCE, KNOWN, variant % 2 == 1,
                "kz-sample-2026.11@3f2a9c1e", bodies,
                new RoutedComplaint.Incident(CATEGORIES, "The director demanded money.\nTwice.",
                        LocalDate.parse("2026-11-20"), variant % 2 == 0),
                new RoutedComplaint.Place("KZ", "KZ-39", "391010000", "Pertsevka"),
                new RoutedComplaint.Workplace(SECTORS.get(variant % SECTORS.size()), WORKPLACE_TYPES.get(variant),
                        "Secondary school No. 1"),
                new RoutedComplaint.Accused(ACCUSED_ROLES.get(variant % ACCUSED_ROLES.size()), true), true, true,
                mode, new RoutedComplaint.Complainant("Айгерим", "aigerim@mail.example", "+7 701 111 22 33",
                        language, true, "ABCD-EFGH-JKLM-NPQR", false));
    }

    private static Map<Language, String> names(String name) {
        return Map.of(Language.KK, name, Language.RU, name, Language.EN, name);
    }

    /** The bodies of the ladder steps, each writing in {@code language}. */
    private static Directory directory(Language language) {
        return new Directory(List.of(
                new Authority(DISTRICT, "EDUCATION_AUTHORITY", names("Отдел образования"),
                        "district@authority.example", language),
                new Authority(REGION, "EDUCATION_AUTHORITY", names("Управление образования"),
                        "region@authority.example", language),
                new Authority(PROSECUTOR, "PROSECUTOR", names("Прокуратура области"),
                        "prosecutor@authority.example", language),
                new Authority("kz-39-akimat", "OMBUDSMAN", names("Акимат"), "akimat@authority.example", language)));
    }

    private static List<LadderStep.Skipped> skipped() {
        return List.of(new LadderStep.Skipped("kz-39-akimat", "district-department-oversees-the-head"),
                new LadderStep.Skipped(PROSECUTOR, Vocabulary.ALREADY_TOLD));
    }

    /**
     * A body of each role, and between them every step a dossier's chronology knows; {@code early}, the district and
     * the region passed over by the caseworkers' decision.
     */
    private static List<LadderStep.HistoryEntry> history(boolean early) {
        String reason = early ? LadderStep.Escalation.CASEWORKER_DECISION : LadderStep.Escalation.NO_ANSWER_BY_DEADLINE;
        return List.of(
                new LadderStep.HistoryEntry(DISTRICT, "PRIMARY", KNOWN, false, LocalDate.parse("2026-12-09"),
                        LocalDate.parse("2026-12-24"), KNOWN.plus(Duration.ofDays(4)), null, null, null,
                        KNOWN.plus(Duration.ofDays(21)), false, reason),
                new LadderStep.HistoryEntry("kz-39-akimat", "COPY", null, true, LocalDate.parse("2026-12-09"),
                        LocalDate.parse("2026-12-24"), null, null, null, null, null, false),
                new LadderStep.HistoryEntry(PROSECUTOR, "COPY", KNOWN, false, LocalDate.parse("2026-12-09"),
                        LocalDate.parse("2026-12-24"), null, KNOWN.plus(Duration.ofDays(2)), "ПР-2026/77",
                        KNOWN.plus(Duration.ofDays(12)), null, false),
                new LadderStep.HistoryEntry(REGION, "ESCALATION", KNOWN.plus(Duration.ofDays(21)), false,
                        LocalDate.parse("2026-12-29"), LocalDate.parse("2027-01-18"), null,
                        KNOWN.plus(Duration.ofDays(22)), "ОБ-2026-4471", null, KNOWN.plus(Duration.ofDays(46)), true,
                        reason));
    }

    private static LadderStep.CaseSummary summary(int variant) {
        return new LadderStep.CaseSummary(KNOWN, CATEGORIES, "KZ-39", SECTORS.get(variant % SECTORS.size()),
                WORKPLACE_TYPES.get(variant), ACCUSED_ROLES.get(variant % ACCUSED_ROLES.size()), true, true, true);
    }

    private static LadderStep.ComplainantUpdate update(String update, @Nullable String outcome, String role,
            ComplainantMode mode, Language language, @Nullable String escalationReason) {
        boolean escalated = LadderStep.ComplainantUpdate.ESCALATED.equals(update);
        boolean answered = LadderStep.ComplainantUpdate.ANSWERED.equals(update);
        return new LadderStep.ComplainantUpdate(UUID.randomUUID(), COMPLAINT, REFERENCE, KNOWN, update, DISTRICT,
                Map.of(Language.RU, "Отдел образования"), LocalDate.parse("2026-12-24"),
                escalated ? null : "ЖТ-2026/01234", outcome,
                "FORWARDED".equals(outcome) ? "Прокуратура Костанайской области" : null,
                answered ? "Проверка проведена, нарушений не выявлено." : null, escalated ? REGION : null, Map.of(),
                escalated ? LocalDate.parse("2027-01-18") : null, mode,
                new RoutedComplaint.Complainant("Айгуль", "aigul@mail.example", null, language, true,
                        "ABCD-EFGH-JKLM-NPQR", false), role, escalationReason);
    }

    private static List<String> values(JsonNode array) {
        assertThat(array.isArray()).as("an enum in the schema").isTrue();
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }
}
