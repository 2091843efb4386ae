package org.hotline.notification.dispatch.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The words for the intake API's codes in each language. An unknown code (a newer intake) is shown as it is.
 * The sentences around them live in the templates, which an NGO edits.
 */
public final class Vocabulary {

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
                    "open: the bodies receive the complainant's name and contact details"));

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
     * A moment as people there write it: the date written out in the language and the time to the minute in Almaty,
     * for example "30 ноября 2026 г., 10:00".
     */
    public static String moment(Instant instant, Language language) {
        Locale locale = Locale.forLanguageTag(language.code());
        ZonedDateTime local = instant.atZone(ZONE);
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(local) + ", "
                + DateTimeFormatter.ofPattern("HH:mm", locale).format(local);
    }

    private static Map.Entry<String, Map<Language, String>> words(String code, String kk, String ru, String en) {
        return Map.entry(code, Map.of(Language.KK, kk, Language.RU, ru, Language.EN, en));
    }
}
