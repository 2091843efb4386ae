package org.hotline.cases.casefile.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.hotline.cases.casefile.application.CaseFilesUnavailableException;
import org.hotline.cases.casefile.application.CaseStatusQuery;
import org.hotline.cases.casefile.domain.CaseFile;
import org.hotline.cases.directory.domain.AuthorityNames;
import org.hotline.deadlines.domain.StatutoryClocks;
import org.hotline.web.http.PageLocaleResolver;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The complainant's status page, the status API in words: {@code GET /status} shows a form for the reference and the
 * tracking code; the form posts them to {@code /status} (a POST, so that the code stays out of addresses, history and
 * access logs) and the answer is the case: which bodies were told and when, who confirmed receipt with which number,
 * the deadlines, who is overdue, what each answered, the escalations. Dates and times are local to the calendar
 * (Asia/Almaty), labels are words, in Kazakh, Russian or English ({@code lang}, else the browser's language). No
 * script, no cookie, never cached. An unknown reference and a wrong code get the same answer, as from the API.
 */
@Controller
class StatusPageController {

    /** As the API: a reference and a tracking code are 17 and 19 characters. */
    private static final int MAX_LENGTH = 64;

    private final CaseStatusQuery query;
    private final Clock clock;
    private final StatutoryClocks clocks;
    private final AuthorityNames names;
    private final PageLocaleResolver locales;

    StatusPageController(CaseStatusQuery query, Clock clock, StatutoryClocks clocks, AuthorityNames names,
            PageLocaleResolver locales) {
        this.query = query;
        this.clock = clock;
        this.clocks = clocks;
        this.names = names;
        this.locales = locales;
    }

    @GetMapping(path = "/status", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView form(@RequestParam(name = "lang", required = false) @Nullable String lang,
            HttpServletRequest request, HttpServletResponse response) {
        return page("status/form", HttpStatus.OK, language(lang, request), request, response);
    }

    @PostMapping(path = "/status", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView status(@RequestParam(name = "reference", required = false) @Nullable String reference,
            @RequestParam(name = "trackingCode", required = false) @Nullable String trackingCode,
            @RequestParam(name = "lang", required = false) @Nullable String lang,
            HttpServletRequest request, HttpServletResponse response) {
        String language = language(lang, request);
        if (blankOrTooLong(reference) || blankOrTooLong(trackingCode)) {
            return page("status/form", HttpStatus.BAD_REQUEST, language, request, response).addObject("missing", true);
        }
        Optional<CaseFile> file = query.status(reference.strip().toUpperCase(Locale.ROOT), trackingCode);
        if (file.isEmpty()) {
            return page("status/form", HttpStatus.NOT_FOUND, language, request, response).addObject("notFound", true);
        }
        LocalDate today = LocalDate.now(clock.withZone(clocks.zone()));
        StatusResponse status = StatusResponse.of(file.get(), today, names);
        return page("status/case", HttpStatus.OK, language, request, response)
                .addObject("status", StatusPage.of(status, language, clocks.zone(), names));
    }

    /** The case files are not readable yet (a rebalance, a start): the form again, with a word on why. */
    @ExceptionHandler
    ModelAndView unavailable(CaseFilesUnavailableException e,
            HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Retry-After", "5");
        return page("status/form", HttpStatus.SERVICE_UNAVAILABLE, language(request.getParameter("lang"), request),
                request, response).addObject("unavailable", true);
    }

    private static boolean blankOrTooLong(@Nullable String value) {
        return value == null || value.isBlank() || value.length() > MAX_LENGTH;
    }

    /** {@code lang} when it is one of the three; else the language the browser asks for, if one of them; else ru. */
    private String language(@Nullable String lang, HttpServletRequest request) {
        return locales.language(lang, request);
    }

    private static ModelAndView page(String view, HttpStatus status, String language, HttpServletRequest request,
            HttpServletResponse response) {
        PageLocaleResolver.speak(language, request, response);
        response.setHeader("Cache-Control", "no-store");
        // Not no-referrer: under it a browser posts the form with "Origin: null", which the cross-origin check
        // refuses (PagesIT). same-origin still sends nothing to any other site.
        response.setHeader("Referrer-Policy", "same-origin");
        ModelAndView page = new ModelAndView(view);
        page.setStatus(status);
        page.addObject("language", language);
        return page;
    }
}
