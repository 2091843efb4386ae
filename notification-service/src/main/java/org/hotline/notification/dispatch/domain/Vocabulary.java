package org.hotline.notification.dispatch.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The words for the codes of the events this service reads (the intake API's categories, roles, workplaces and
 * sectors; the roles of bodies, their answers, the identity modes; the reasons a rung is passed over) and of its
 * own alerts (recipient types, failure classes, templates), in each language; and dates and times as people in
 * Kazakhstan read them. An email never shows a code where a word exists: an unknown code (a newer intake or case
 * service) is shown as it is until a word is added here (docs/notification.md, "Codes and times in emails"). The
 * sentences around the words live in the templates, which an NGO edits.
 */
public final class Vocabulary {

    /** A rung passed over because it already had the complaint (EscalationDue's skippedRungs). */
    public static final String ALREADY_TOLD = "already-told";
    /** The words for every other reason a rung is passed over: a conflict of interest of the ladder file. */
    static final String CONFLICT_OF_INTEREST = "conflict-of-interest";

    private static final Map<String, Map<Language, String>> WORDS = Map.ofEntries(
            words("SEXUAL_HARASSMENT", "Жыныстық қудалау", "Сексуальные домогательства", "Sexual harassment"),
            words("SEXUAL_COERCION", "Жыныстық сипаттағы әрекеттерге мәжбүрлеу",
                    "Понуждение к действиям сексуального характера", "Sexual coercion"),
            words("SEXUAL_VIOLENCE", "Жыныстық зорлық-зомбылық", "Сексуальное насилие", "Sexual violence"),
            words("EXTORTION", "Қорқытып алушылық", "Вымогательство", "Extortion"),
            words("RETALIATION", "Шағым үшін қудалау", "Преследование за жалобу", "Retaliation"),
            words("DISCRIMINATION", "Кемсітушілік", "Дискриминация", "Discrimination"),
            words("HEAD_OF_ORGANIZATION", "Ұйым басшысы", "Руководитель организации", "Head of the organisation"),
            words("SUPERVISOR", "Тікелей басшы", "Непосредственный руководитель", "Supervisor"),
            words("COLLEAGUE", "Әріптес", "Коллега", "Colleague"),
            words("CLIENT", "Клиент", "Клиент", "Client"),
            words("SCHOOL", "Мектеп", "Школа", "School"),
            words("KINDERGARTEN", "Балабақша", "Детский сад", "Kindergarten"),
            words("UNIVERSITY", "Жоғары оқу орны", "Высшее учебное заведение", "University"),
            words("HEALTHCARE", "Денсаулық сақтау ұйымы", "Медицинская организация", "Healthcare"),
            words("GOVERNMENT_BODY", "Мемлекеттік орган", "Государственный орган", "Government body"),
            words("COMPANY", "Компания", "Компания", "Company"),
            words("TRANSPORT", "Көлік", "Транспорт", "Transport"),
            words("PUBLIC", "Мемлекеттік сектор", "Государственный сектор", "Public sector"),
            words("PRIVATE", "Жеке сектор", "Частный сектор", "Private sector"),
            words("NGO", "Үкіметтік емес ұйым", "Некоммерческая организация", "Non-governmental organisation"),
            words("INFORMAL", "Бейресми жұмыс", "Неформальная занятость", "Informal work"),
            words("OTHER", "Басқа", "Другое", "Other"),
            words("PRIMARY", "негізгі орган: шара қолдану үшін", "основной адресат: для принятия мер",
                    "primary body: to act"),
            words("COPY", "көшірме: мәлімет үшін", "копия: для сведения", "copy: for information"),
            words("ESCALATION", "жоғары тұрған орган: төмендегі орган жауап бермеді",
                    "вышестоящий орган: нижестоящий не ответил", "superior body: the body below did not answer"),
            words("ACCEPTED_FOR_CONSIDERATION", "қарауға қабылданды", "принято к рассмотрению",
                    "accepted for consideration"),
            words("FORWARDED", "басқа органға жолданды", "направлено в другой орган", "forwarded to another body"),
            words("MEASURES_TAKEN", "шаралар қабылданды", "приняты меры", "measures taken"),
            words("REFUSED", "қараудан бас тартылды", "в рассмотрении отказано", "refused"),
            words("ANONYMOUS", "анонимді: органдар кім шағымданғанын білмейді, өтініш берушіге хат жіберілмейді",
                    "анонимно: органы не узнают, кто обратился; заявителю писем не отправляется",
                    "anonymous: the bodies learn nothing of who complained; the complainant gets no email"),
            words("CONFIDENTIAL", "құпия: органдар кім шағымданғанын білмейді, байланыс үшін ҮЕҰ көрсетілген",
                    "конфиденциально: органы не узнают, кто обратился; контакт для них — НКО",
                    "confidential: the bodies learn nothing of who complained; the NGO is their contact"),
            words("OPEN", "ашық: органдар өтініш берушінің аты-жөні мен байланыс деректерін алады",
                    "открыто: органы получают имя и контакты заявителя",
                    "open: the bodies receive the complainant's name and contact details"),
            // Why the ladder passed a rung over (EscalationDue's skippedRungs): "already-told", else the id of the
            // ladder file's conflict of interest, which only says the rung oversees the accused (ALREADY_TOLD).
            words(ALREADY_TOLD, "шағым бұл органға бұрын жіберілген", "жалоба уже была направлена этому органу",
                    "the body already had the complaint"),
            words(CONFLICT_OF_INTEREST, "мүдделер қақтығысы: бұл орган айыпталушыны бақылайды",
                    "конфликт интересов: этот орган надзирает за обвиняемым",
                    "conflict of interest: the body oversees the accused"),
            // The caseworkers' alerts: who a failed message was for, and why it failed (FailureClass).
            words("AUTHORITY", "орган", "орган", "body"),
            words("COMPLAINANT", "өтініш беруші", "заявитель", "complainant"),
            words("CASEWORKER", "ҮЕҰ қызметкерлері", "сотрудники НКО", "the NGO's caseworkers"),
            words("TRANSIENT", "уақытша ақау, қайта жіберіледі", "временный сбой, отправка повторится",
                    "a temporary failure; it will be sent again"),
            words("REJECTED", "пошта сервері хатты немесе алушыны қабылдамады",
                    "почтовый сервер отклонил письмо или получателя",
                    "the mail server refused the message or the recipient"),
            words("INVALID_ADDRESS", "мекенжай жарамсыз, хат жіберілмеді",
                    "адрес непригоден, письмо не отправлялось", "the address cannot be used; nothing was sent"),
            words("RETRIES_EXHAUSTED", "қайталау мерзімі өтті, хат жеткізілмеді",
                    "повторные попытки исчерпаны, письмо не доставлено",
                    "it kept failing for too long and was given up"),
            words("IN_DOUBT", "хаттың жеткені белгісіз: сервер жауап бермей тұрып байланыс үзілді",
                    "неизвестно, доставлено ли письмо: связь прервалась до ответа сервера",
                    "it may or may not have been delivered: the connection ended before the server replied"),
            words(MessagePlanner.AUTHORITY_NOTICE, "органға хабарлама", "уведомление органу", "notice to a body"),
            words(MessagePlanner.COMPLAINANT_ACKNOWLEDGEMENT, "өтініш берушіге растау",
                    "подтверждение заявителю", "acknowledgement to the complainant"),
            words(MessagePlanner.CASEWORKER_DECISION, "маршрут туралы есеп", "отчёт о маршрутизации",
                    "routing report"),
            words(MessagePlanner.CASEWORKER_ALERT, "жеткізу туралы ескерту", "оповещение о доставке",
                    "delivery alert"),
            words(LadderPlanner.AUTHORITY_REMINDER, "органға еске салу", "напоминание органу",
                    "reminder to a body"),
            words(LadderPlanner.AUTHORITY_ESCALATION, "жоғары тұрған органға хат", "письмо вышестоящему органу",
                    "letter to a superior body"),
            words(LadderPlanner.CASEWORKER_ESCALATION, "эскалация туралы есеп", "отчёт об эскалации",
                    "escalation report"),
            words(LadderPlanner.CASEWORKER_DOSSIER, "іс құжаттамасы", "досье дела", "case dossier"),
            words(LadderPlanner.COMPLAINANT_UPDATE, "өтініш берушіге жаңалық", "новости заявителю",
                    "news for the complainant"));

    private static final DateTimeFormatter KAZAKH_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    /** The month in the genitive, as CLDR's Russian format data gives it: "3 декабря 2026". */
    private static final DateTimeFormatter RUSSIAN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy",
            Locale.forLanguageTag("ru"));

    /** Where the hotline works: times in emails are local to it, not UTC. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Almaty");

    private Vocabulary() {
    }

    /** The word for a code in a language, Russian or English standing in; the code itself if none is known. */
    public static String word(@Nullable String code, Language language) {
        if (code == null) {
            return "";
        }
        Map<Language, String> translations = WORDS.get(code);
        if (translations == null) {
            return SafeText.line(code, 100);
        }
        for (Language candidate : language.withFallbacks()) {
            String word = translations.get(candidate);
            if (word != null) {
                return word;
            }
        }
        return SafeText.line(code, 100);
    }

    /**
     * A moment as people there write it: the day as {@link #date} writes it and the time to the minute in Almaty,
     * for example "30 ноября 2026, 10:00" or "30.11.2026, 10:00".
     */
    public static String moment(Instant instant, Language language) {
        return moment(instant, language, ZONE);
    }

    /**
     * A moment in {@code zone} as {@link #moment(Instant, Language)} writes it. The offset is the JDK's time zone
     * rules' (Almaty: UTC+6 until 1 March 2024, UTC+5 since), never a fixed one.
     */
    public static String moment(Instant instant, Language language, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        return date(local.toLocalDate(), language) + ", "
                + DateTimeFormatter.ofPattern("HH:mm", locale(language)).format(local);
    }

    /**
     * A day as people there write it. English: the JDK's long date, "December 3, 2026". Russian: "3 декабря 2026",
     * the long date without its closing "г.", which put a second full stop after every date that ends a sentence.
     * Kazakh: digits, "03.12.2026", the everyday form there, because the templates put a postposition after the
     * date ("03.12.2026 дейін") and a month written out would need the case ending the postposition asks for
     * ("желтоқсанға"), which no date format gives. Deadlines are days (the last day included), so they have no time.
     */
    public static String date(LocalDate date, Language language) {
        DateTimeFormatter format = switch (language) {
            case KK -> KAZAKH_DATE;
            case RU -> RUSSIAN_DATE;
            case EN -> DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale(language));
        };
        return format.format(date);
    }

    /**
     * Why a rung was passed over, in words: {@code already-told}, or any other reason, which is the id of a
     * conflict of interest in the case service's ladder file (the rung oversees the accused).
     */
    public static String skipReason(String reason, Language language) {
        return word(ALREADY_TOLD.equals(reason) ? ALREADY_TOLD : CONFLICT_OF_INTEREST, language);
    }

    private static Locale locale(Language language) {
        return Locale.forLanguageTag(language.code());
    }

    private static Map.Entry<String, Map<Language, String>> words(String code, String kk, String ru, String en) {
        return Map.entry(code, Map.of(Language.KK, kk, Language.RU, ru, Language.EN, en));
    }
}
