package org.hotline.web.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The language of the services' pages (the complaint form, the status page, a body's acknowledgement page, the
 * caseworker console): Kazakh, Russian or English. A controller chooses it ({@link #language}) and leaves it on the
 * request ({@link #speak}), where messages and dates find it; elsewhere (an error page) it is the Accept-Language
 * header's.
 */
public final class PageLocaleResolver extends AcceptHeaderLocaleResolver {

    /** Every page's languages: Kazakh (in Cyrillic), Russian, English. */
    public static final Set<String> LANGUAGES = Set.of("kk", "ru", "en");
    /** Where none of them is asked for: the language most people in Kazakhstan read. */
    public static final String DEFAULT_LANGUAGE = "ru";
    static final String ATTRIBUTE = PageLocaleResolver.class.getName() + ".locale";

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Locale locale ? locale : super.resolveLocale(request);
    }

    /**
     * {@code lang} when it is one of the three; else the language the browser asks for first, if one of them; else
     * Russian.
     */
    public String language(@Nullable String lang, HttpServletRequest request) {
        if (lang != null && LANGUAGES.contains(lang)) {
            return lang;
        }
        String asked = super.resolveLocale(request).getLanguage();
        return LANGUAGES.contains(asked) ? asked : DEFAULT_LANGUAGE;
    }

    /** {@code language} when it is one of the three (a body's correspondence language), else Russian. */
    public static String known(@Nullable String language) {
        return language != null && LANGUAGES.contains(language) ? language : DEFAULT_LANGUAGE;
    }

    /** The request's page is in {@code language} (its messages, dates and numbers), and says so (Content-Language). */
    public static void speak(String language, HttpServletRequest request, HttpServletResponse response) {
        request.setAttribute(ATTRIBUTE, Locale.forLanguageTag(language));
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, language);
    }
}
