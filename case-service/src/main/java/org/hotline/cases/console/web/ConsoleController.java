package org.hotline.cases.console.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hotline.cases.acknowledgement.application.AcknowledgementNotStoredException;
import org.hotline.cases.acknowledgement.application.AlreadyRecordedException;
import org.hotline.cases.acknowledgement.application.AnswerInput;
import org.hotline.cases.acknowledgement.application.CaseworkerRecords;
import org.hotline.cases.acknowledgement.application.FieldProblem;
import org.hotline.cases.acknowledgement.application.InvalidInputException;
import org.hotline.cases.acknowledgement.application.NothingToEscalateException;
import org.hotline.cases.acknowledgement.application.NothingToHoldException;
import org.hotline.cases.acknowledgement.application.UnknownAssignmentException;
import org.hotline.cases.casefile.application.CaseFilesUnavailableException;
import org.hotline.cases.casefile.domain.CaseFile;
import org.hotline.cases.console.application.CaseConsole;
import org.hotline.cases.console.application.ComplainantRecordsUnavailableException;
import org.hotline.cases.console.application.NotDisclosedException;
import org.hotline.cases.console.domain.CaseQueue;
import org.hotline.cases.console.domain.Disclosure;
import org.hotline.cases.console.domain.Lane;
import org.hotline.cases.directory.domain.AuthorityNames;
import org.hotline.cases.http.PageTimes;
import org.hotline.cases.sealing.domain.ComplaintErasedException;
import org.hotline.datafiles.UnitNames;
import org.hotline.deadlines.domain.StatutoryClocks;
import org.hotline.web.http.PageLocaleResolver;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The caseworker console (role STAFF, HTTP Basic; docs/case.md, "Caseworker console"), pages without script:
 * <ul>
 *   <li>{@code GET /console}: every case by lane (failed deliveries, needing a dossier, overdue, escalated, new, in
 *       progress, answered, closed), oldest first;</li>
 *   <li>{@code GET /console/cases/{reference}}: the case, its bodies and deadlines, its whole timeline, and the
 *       forms to record a body's acknowledgement or answer received by post or phone, and to close the case;</li>
 *   <li>{@code POST /console/cases/{reference}/complainant}: the complainant's contact details and statement, opened
 *       for a CONFIDENTIAL or OPEN complaint only, on a page never cached; each opening is audited with the case's
 *       reference;</li>
 *   <li>{@code POST /console/cases/{reference}/dossier}: the case's dossier as a file to keep or send (audited), its
 *       facts and timeline without the complainant's identity.</li>
 * </ul>
 * The forms post to {@code .../acknowledgement}, {@code .../answer}, {@code .../escalation-hold} (hold a body's
 * escalation until a day, or lift the hold), {@code .../escalation} (escalate past it now) and {@code .../closure},
 * which record as the caseworker API does (same
 * checks, same events, same audit actions) and come back to the case page.
 */
@Controller
class ConsoleController {

    private static final String CASE = "/console/cases/{reference}";

    private final CaseConsole console;
    private final CaseworkerRecords records;
    private final StatutoryClocks clocks;
    private final AuthorityNames names;
    private final UnitNames places;
    private final MessageSource messages;
    private final PageLocaleResolver locales;

    ConsoleController(CaseConsole console, CaseworkerRecords records, StatutoryClocks clocks, AuthorityNames names,
            UnitNames places, MessageSource messages, PageLocaleResolver locales) {
        this.console = console;
        this.records = records;
        this.clocks = clocks;
        this.names = names;
        this.places = places;
        this.messages = messages;
        this.locales = locales;
    }

    /** A lane of the queue, for the page. */
    record LaneView(String lane, int count, List<EntryView> entries) {
    }

    record EntryView(String reference, String state, @Nullable String receivedAt, int bodies) {
    }

    @GetMapping(path = "/console", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView queue(@RequestParam(name = "lang", required = false) @Nullable String lang,
            HttpServletRequest request, HttpServletResponse response, Principal caseworker) {
        String language = language(lang, request);
        CaseQueue queue = console.queue();
        PageTimes times = new PageTimes(language, clocks.zone());
        List<LaneView> lanes = Arrays.stream(Lane.values()).map(lane -> new LaneView(lane.name(),
                queue.count(lane), queue.entries(lane).stream().map(entry -> new EntryView(entry.reference(),
                        entry.state().name(), times.moment(entry.receivedAt()), entry.bodies())).toList()))
                .toList();
        return page("console/queue", HttpStatus.OK, language, request, response, caseworker)
                .addObject("lanes", lanes);
    }

    @GetMapping(path = CASE, produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView caseFile(@PathVariable String reference,
            @RequestParam(name = "lang", required = false) @Nullable String lang,
            @RequestParam(name = "done", required = false) @Nullable String done,
            HttpServletRequest request, HttpServletResponse response, Principal caseworker) {
        String language = language(lang, request);
        Optional<CaseFile> file = console.caseFile(reference);
        if (file.isEmpty()) {
            return notFound(language, request, response, caseworker);
        }
        ModelAndView page = casePage(file.get(), HttpStatus.OK, language, request, response, caseworker);
        if (done != null && Set.of("acknowledgement", "answer", "hold", "release", "escalation", "closure")
                .contains(done)) {
            page.addObject("done", done);
        }
        return page;
    }

    @PostMapping(path = CASE + "/complainant", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView complainant(@PathVariable String reference,
            @RequestParam(name = "lang", required = false) @Nullable String lang,
            HttpServletRequest request, HttpServletResponse response, Principal caseworker) {
        String language = language(lang, request);
        Optional<CaseFile> file = console.caseFile(reference);
        if (file.isEmpty()) {
            return notFound(language, request, response, caseworker);
        }
        try {
            Optional<Disclosure> disclosure = console.complainant(reference);
            if (disclosure.isEmpty()) {
                return casePage(file.get(), HttpStatus.NOT_FOUND, language, request, response, caseworker)
                        .addObject("problem", "console.complainant.notFound");
            }
            return page("console/complainant", HttpStatus.OK, language, request, response, caseworker)
                    .addObject("reference", reference).addObject("complainant", disclosure.get());
        } catch (NotDisclosedException e) {
            // Not a 403: the caseworker has the role, and the audit trail would record a denial for lack of it.
            return casePage(file.get(), HttpStatus.CONFLICT, language, request, response, caseworker)
                    .addObject("problem", "console.complainant.anonymous");
        } catch (ComplaintErasedException e) {
            return casePage(file.get(), HttpStatus.GONE, language, request, response, caseworker)
                    .addObject("problem", "console.complainant.erased");
        } catch (ComplainantRecordsUnavailableException e) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            return casePage(file.get(), HttpStatus.SERVICE_UNAVAILABLE, language, request, response, caseworker)
                    .addObject("problem", "console.unavailable");
        }
    }

    @PostMapping(path = CASE + "/dossier")
    ModelAndView dossier(@PathVariable String reference,
            @RequestParam(name = "lang", required = false) @Nullable String lang,
            HttpServletRequest request, HttpServletResponse response, Principal caseworker) {
        String language = language(lang, request);
        Optional<CaseFile> file = console.caseFile(reference);
        if (file.isEmpty()) {
            return notFound(language, request, response, caseworker);
        }
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(reference + "-dossier-" + console.today() + ".html", StandardCharsets.UTF_8).build()
                .toString());
        return page("console/dossier", HttpStatus.OK, language, request, response, caseworker)
                .addObject("today", new PageTimes(language, clocks.zone()).day(console.today()))
                .addObject("case", view(file.get(), language));
    }

    @PostMapping(path = CASE + "/assignments/{authorityId}/acknowledgement",
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView acknowledge(@PathVariable String reference, @PathVariable String authorityId,
            @RequestParam(name = "registrationNumber", required = false) @Nullable String registrationNumber,
            @RequestParam(name = "acknowledgedOn", required = false) @Nullable String acknowledgedOn,
            @RequestParam(name = "lang", required = false) @Nullable String lang,
            HttpServletRequest request, HttpServletResponse response, Principal caseworker) {
        String language = language(lang, request);
        return recorded(reference, "acknowledgement", language, request, response, caseworker,
                () -> records.acknowledge(reference, authorityId, registrationNumber, blankToNull(acknowledgedOn),
                        caseworker.getName()));
    }

    @PostMapping(path = CASE + "/assignments/{authorityId}/answer",
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView answer(@PathVariable String reference, @PathVariable String authorityId,
            @RequestParam(name = "outcome", required = false) @Nullable String outcome,
            @RequestParam(name = "forwardedTo", required = false) @Nullable String forwardedTo,
            @RequestParam(name = "reason", required = false) @Nullable String reason,
            @RequestParam(name = "outgoingNumber", required = false) @Nullable String outgoingNumber,
            @RequestParam(name = "outgoingDate", required = false) @Nullable String outgoingDate,
            @RequestParam(name = "answeredOn", required = false) @Nullable String answeredOn,
            @RequestParam(name = "lang", required = false) @Nullable String lang,
            HttpServletRequest request, HttpServletResponse response, Principal caseworker) {
        String language = language(lang, request);
        AnswerInput input = new AnswerInput(blankToNull(outcome), blankToNull(forwardedTo), blankToNull(reason),
                blankToNull(outgoingNumber), blankToNull(outgoingDate));
        return recorded(reference, "answer", language, request, response, caseworker,
                () -> records.answer(reference, authorityId, input, blankToNull(answeredOn), caseworker.getName()));
    }

    @PostMapping(path = CASE + "/assignments/{authorityId}/escalation-hold",
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView hold(@PathVariable String reference, @PathVariable String authorityId,
            @RequestParam(name = "heldUntil", required = false) @Nullable String heldUntil,
            @RequestParam(name = "reason", required = false) @Nullable String reason,
            @RequestParam(name = "lang", required = false) @Nullable String lang,
            HttpServletRequest request, HttpServletResponse response, Principal caseworker) {
        String language = language(lang, request);
        return recorded(reference, heldUntil == null || heldUntil.isBlank() ? "release" : "hold", language, request,
                response, caseworker, () -> records.hold(reference, authorityId, blankToNull(heldUntil),
                        blankToNull(reason), caseworker.getName()));
    }

    @PostMapping(path = CASE + "/assignments/{authorityId}/escalation",
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView escalate(@PathVariable String reference, @PathVariable String authorityId,
            @RequestParam(name = "reason", required = false) @Nullable String reason,
            @RequestParam(name = "lang", required = false) @Nullable String lang,
            HttpServletRequest request, HttpServletResponse response, Principal caseworker) {
        String language = language(lang, request);
        return recorded(reference, "escalation", language, request, response, caseworker,
                () -> records.escalate(reference, authorityId, blankToNull(reason), caseworker.getName()));
    }

    @PostMapping(path = CASE + "/closure", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView close(@PathVariable String reference,
            @RequestParam(name = "reason", required = false) @Nullable String reason,
            @RequestParam(name = "closedOn", required = false) @Nullable String closedOn,
            @RequestParam(name = "lang", required = false) @Nullable String lang,
            HttpServletRequest request, HttpServletResponse response, Principal caseworker) {
        String language = language(lang, request);
        return recorded(reference, "closure", language, request, response, caseworker,
                () -> records.close(reference, blankToNull(reason), blankToNull(closedOn), caseworker.getName()));
    }

    /** The case files are not readable now (a start, a rebalance): a page that says to try again. */
    @ExceptionHandler
    ModelAndView unavailable(CaseFilesUnavailableException e, HttpServletRequest request,
            HttpServletResponse response, Principal caseworker) {
        response.setHeader(HttpHeaders.RETRY_AFTER, "5");
        return page("console/unavailable", HttpStatus.SERVICE_UNAVAILABLE,
                language(request.getParameter("lang"), request), request, response, caseworker);
    }

    /**
     * Records through {@link CaseworkerRecords}, then back to the case page (303), which says the record was taken;
     * the case file shows it within seconds. A refusal shows the case page again with what to fix.
     */
    private ModelAndView recorded(String reference, String what, String language, HttpServletRequest request,
            HttpServletResponse response, Principal caseworker, Runnable record) {
        Optional<CaseFile> file = console.caseFile(reference);
        if (file.isEmpty()) {
            return notFound(language, request, response, caseworker);
        }
        try {
            record.run();
        } catch (InvalidInputException e) {
            return casePage(file.get(), HttpStatus.BAD_REQUEST, language, request, response, caseworker)
                    .addObject("problem", "console.invalid").addObject("fieldProblems", problems(e));
        } catch (AlreadyRecordedException e) {
            return casePage(file.get(), HttpStatus.CONFLICT, language, request, response, caseworker)
                    .addObject("problem", "console.already");
        } catch (NothingToHoldException e) {
            return casePage(file.get(), HttpStatus.CONFLICT, language, request, response, caseworker)
                    .addObject("problem", "console.nothingToHold");
        } catch (NothingToEscalateException e) {
            return casePage(file.get(), HttpStatus.CONFLICT, language, request, response, caseworker)
                    .addObject("problem", "console.nothingToEscalate");
        } catch (UnknownAssignmentException e) {
            return casePage(file.get(), HttpStatus.NOT_FOUND, language, request, response, caseworker)
                    .addObject("problem", "console.unknownBody");
        } catch (AcknowledgementNotStoredException e) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            return casePage(file.get(), HttpStatus.SERVICE_UNAVAILABLE, language, request, response, caseworker)
                    .addObject("problem", "console.notStored");
        }
        ModelAndView redirect = new ModelAndView("redirect:/console/cases/" + file.get().reference() + "?lang="
                + language + "&done=" + what);
        redirect.setStatus(HttpStatus.SEE_OTHER);
        return redirect;
    }

    private static List<String> problems(InvalidInputException e) {
        return e.problems().stream().map(FieldProblem::field).distinct().toList();
    }

    private ModelAndView casePage(CaseFile file, HttpStatus status, String language, HttpServletRequest request,
            HttpServletResponse response, Principal caseworker) {
        return page("console/case", status, language, request, response, caseworker)
                .addObject("case", view(file, language));
    }

    private CaseView view(CaseFile file, String language) {
        return CaseView.of(file, console.today(), language, clocks.zone(), names, places, messages);
    }

    private ModelAndView notFound(String language, HttpServletRequest request, HttpServletResponse response,
            Principal caseworker) {
        return page("console/not-found", HttpStatus.NOT_FOUND, language, request, response, caseworker);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** {@code lang} when it is one of the three; else the language the browser asks for, if one of them; else ru. */
    private String language(@Nullable String lang, HttpServletRequest request) {
        return locales.language(lang, request);
    }

    private static ModelAndView page(String view, HttpStatus status, String language, HttpServletRequest request,
            HttpServletResponse response, Principal caseworker) {
        PageLocaleResolver.speak(language, request, response);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        // As the status page: same-origin keeps the forms' Origin header, which the cross-origin check needs.
        response.setHeader("Referrer-Policy", "same-origin");
        ModelAndView page = new ModelAndView(view);
        page.setStatus(status);
        page.addObject("language", language);
        page.addObject("caseworker", caseworker.getName());
        return page;
    }
}
