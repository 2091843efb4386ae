package org.hotline.intake.complaint.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hotline.intake.complaint.application.ComplaintIntake;
import org.hotline.intake.complaint.application.IdempotencyConflictException;
import org.hotline.intake.complaint.application.IntakeReceipt;
import org.hotline.intake.complaint.application.LedgerNotReadyException;
import org.hotline.intake.complaint.application.PublicationFailedException;
import org.hotline.intake.complaint.config.IntakeProperties;
import org.hotline.intake.complaint.config.PageProperties;
import org.hotline.intake.complaint.domain.AccusedRole;
import org.hotline.intake.complaint.domain.Category;
import org.hotline.intake.complaint.domain.FieldViolation;
import org.hotline.intake.complaint.domain.IdentityInAnonymousComplaintException;
import org.hotline.intake.complaint.domain.InvalidComplaintException;
import org.hotline.intake.complaint.domain.Sector;
import org.hotline.intake.complaint.domain.Subdivisions;
import org.hotline.intake.complaint.domain.WorkplaceType;
import org.hotline.intake.ratelimit.web.RateLimitFilter;
import org.hotline.web.http.PageLocaleResolver;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The complaint form, the API's questions in plain words, in Kazakh, Russian or English ({@code lang}, else the
 * browser's language): {@code GET /complaint} shows it ({@code /} sends there), and it posts itself, as a plain
 * urlencoded form, to {@code POST /complaint}. The post becomes the API's {@code ComplaintForm} and goes through the
 * same {@link ComplaintIntake}, so the same validation, sealing, idempotency and Kafka commit apply, under the same
 * rate limit (counted by {@link RateLimitFilter}) and in the same lanes:
 * <ul>
 *   <li>once Kafka has the complaint, the receipt: the reference and the tracking code on screen, with where to
 *       keep them. The answer to the post itself, never a redirect, so that the code is in no address or history
 *       entry; a reload posts again with the same idempotency key and shows the same receipt.</li>
 *   <li>an invalid complaint: the form again (400, or 422 for identity in an anonymous complaint), each field's
 *       problem next to it, in the page's language, every value kept;</li>
 *   <li>over the rate limit (429) or Kafka not committing (503): the form again, every value kept, with when to
 *       send it again; nothing was stored.</li>
 * </ul>
 * Each form carries an idempotency key of its own (a random UUID), so that sending it twice (a double click, a
 * reload, a retry after a 503) stores one complaint. No cookie, never cached; the page's script is optional.
 */
@Controller
class ComplaintPageController {

    private static final Pattern KEY = Pattern.compile("[0-9a-f-]{36}");
    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    /**
     * The countries the hotline works in, Kazakhstan first. Kazakhstan's regions are offered by name; the others'
     * region is left out of the form (routing sends such complaints to the NGO's triage).
     */
    private static final List<String> COUNTRIES = List.of("KZ", "KG", "TJ", "UZ", "TM");

    private final ComplaintIntake intake;
    private final LaneAssigner lanes;
    private final PageLocaleResolver locales;
    private final PageProperties page;
    private final long retryAfterSeconds;

    ComplaintPageController(ComplaintIntake intake, LaneAssigner lanes, PageLocaleResolver locales,
            PageProperties page, IntakeProperties properties) {
        this.intake = intake;
        this.lanes = lanes;
        this.locales = locales;
        this.page = page;
        this.retryAfterSeconds = Math.max(1, properties.retryAfter().toSeconds());
    }

    /** The hotline's front page is the form; the language asked for goes along. */
    @GetMapping(path = "/")
    String root(@RequestParam(name = "lang", required = false) @Nullable String lang) {
        return lang != null && PageLocaleResolver.LANGUAGES.contains(lang) ? "redirect:/complaint?lang=" + lang
                : "redirect:/complaint";
    }

    @GetMapping(path = "/complaint", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView form(@RequestParam(name = "lang", required = false) @Nullable String lang,
            HttpServletRequest request, HttpServletResponse response) {
        return form(HttpStatus.OK, locales.language(lang, request), PageForm.empty(), newKey(), request, response);
    }

    @PostMapping(path = "/complaint", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView submit(@RequestParam MultiValueMap<String, String> posted, HttpServletRequest request,
            HttpServletResponse response) {
        String language = locales.language(posted.getFirst("lang"), request);
        PageForm values = PageForm.of(posted);
        String key = posted.getFirst("idempotencyKey");
        if (key == null || !KEY.matcher(key).matches()) {
            key = newKey();
        }
        if (request.getAttribute(RateLimitFilter.REFUSAL) instanceof Long seconds) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
            return form(HttpStatus.TOO_MANY_REQUESTS, language, values, key, request, response)
                    .addObject("tooMany", true).addObject("waitMinutes", Math.max(1, (seconds + 59) / 60));
        }
        try {
            IntakeReceipt receipt = intake.submit(values.toComplaintForm(language), key, null,
                    () -> lanes.laneOf(request));
            return page("complaint/receipt", HttpStatus.OK, language, request, response)
                    .addObject("reference", receipt.reference())
                    .addObject("trackingCode", receipt.trackingCode())
                    .addObject("receivedAt", receivedAt(receipt.receivedAt(), language))
                    .addObject("statusPageUrl", page.statusPageUrl().isBlank() ? null : page.statusPageUrl());
        } catch (InvalidComplaintException e) {
            HttpStatus status = e instanceof IdentityInAnonymousComplaintException ? HttpStatus.UNPROCESSABLE_CONTENT
                    : HttpStatus.BAD_REQUEST;
            return form(status, language, values, key, request, response).addObject("errors", errors(e));
        } catch (PublicationFailedException | LedgerNotReadyException e) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
            return form(HttpStatus.SERVICE_UNAVAILABLE, language, values, key, request, response)
                    .addObject("unavailable", true);
        } catch (IdempotencyConflictException e) {
            // This form's key already stored a complaint that read otherwise (sent, then changed and sent again):
            // a new key, and the person decides whether to send this one too.
            return form(HttpStatus.CONFLICT, language, values, newKey(), request, response)
                    .addObject("alreadySent", true);
        }
    }

    /**
     * The message key of each field's first problem, by the form's name of the field. The validator's problems are
     * the API's English; the page says the same in the person's language, one sentence per field that covers each
     * problem the field can have. The contact fields of an anonymous complaint get the explanation of the mode.
     */
    static Map<String, String> errors(InvalidComplaintException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldViolation violation : e.violations()) {
            String field = violation.field().replaceAll("\\[\\d+]$", "");
            if (field.equals("complainant")) {
                field = "complainant.contact";
            }
            String message = violation.problem().startsWith("must be left out: an ANONYMOUS")
                    ? "error.anonymousIdentity" : "error." + field;
            errors.putIfAbsent(field, message);
        }
        return errors;
    }

    private ModelAndView form(HttpStatus status, String language, PageForm values, String key,
            HttpServletRequest request, HttpServletResponse response) {
        return page("complaint/form", status, language, request, response)
                .addObject("form", values)
                .addObject("idempotencyKey", key)
                .addObject("errors", Map.of())
                .addObject("categories", names(Category.class))
                .addObject("countries", COUNTRIES)
                .addObject("regions", Subdivisions.currentCodes("KZ"))
                .addObject("sectors", names(Sector.class))
                .addObject("workplaceTypes", names(WorkplaceType.class))
                .addObject("accusedRoles", names(AccusedRole.class));
    }

    private ModelAndView page(String view, HttpStatus status, String language, HttpServletRequest request,
            HttpServletResponse response) {
        PageLocaleResolver.speak(language, request, response);
        // Not the port's no-referrer: with it, browsers send the form's post with "Origin: null", which the
        // cross-origin check must refuse. same-origin still sends nothing to another site (the quick exit, the
        // status page), and this origin learns only its own page's address.
        response.setHeader("Referrer-Policy", "same-origin");
        ModelAndView shown = new ModelAndView(view);
        shown.setStatus(status);
        shown.addObject("language", language);
        shown.addObject("quickExitUrl", page.quickExitUrl());
        return shown;
    }

    private static String receivedAt(Instant at, String language) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(Locale.forLanguageTag(language)).withZone(ALMATY).format(at);
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }

    private static List<String> names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }
}
