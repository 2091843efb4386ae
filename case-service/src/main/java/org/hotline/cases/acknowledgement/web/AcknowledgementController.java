package org.hotline.cases.acknowledgement.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.hotline.cases.acknowledgement.application.AcknowledgementNotStoredException;
import org.hotline.cases.acknowledgement.application.AcknowledgementPage;
import org.hotline.cases.acknowledgement.application.Acknowledgements;
import org.hotline.cases.acknowledgement.application.AlreadyRecordedException;
import org.hotline.cases.acknowledgement.application.AnswerInput;
import org.hotline.cases.acknowledgement.application.FieldProblem;
import org.hotline.cases.acknowledgement.application.InvalidInputException;
import org.hotline.cases.acknowledgement.application.InvalidRegistrationNumberException;
import org.hotline.cases.acknowledgement.domain.RefusedLinkException;
import org.hotline.cases.casefile.application.CaseFilesUnavailableException;
import org.hotline.cases.casefile.domain.AnswerOutcome;
import org.hotline.cases.http.PageTimes;
import org.hotline.deadlines.domain.StatutoryClocks;
import org.hotline.web.http.PageLocaleResolver;
import org.jspecify.annotations.Nullable;
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
 * The page a body reaches from the link in its email: {@code GET /ack/{token}} shows the complaint's reference,
 * the body's deadlines and a form; the form posts {@code registrationNumber} to the same URL. Once receipt is
 * confirmed the page shows it with a second form, for the answer ({@code outcome} and its details, posted to the
 * same URL); once answered it shows the answer. A second answer is refused with 409 and the first shown. Pages
 * are in the body's correspondence language. The token is the only credential, so the pages are never cached, never
 * indexed, and send no Referer to anything they link to.
 */
@Controller
class AcknowledgementController {

    private static final List<String> OUTCOMES = Stream.of(AnswerOutcome.values()).map(Enum::name).toList();

    private final Acknowledgements acknowledgements;
    private final ZoneId zone;

    AcknowledgementController(Acknowledgements acknowledgements, StatutoryClocks clocks) {
        this.acknowledgements = acknowledgements;
        this.zone = clocks.zone();
    }

    @GetMapping(path = "/ack/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView show(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
        AcknowledgementPage page = acknowledgements.open(token);
        return page(token, page, view(page), HttpStatus.OK, request, response);
    }

    /** The answer's form posts {@code outcome}; its details are checked by {@link AnswerInput}. */
    @PostMapping(path = "/ack/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_HTML_VALUE, params = "outcome")
    ModelAndView answer(@PathVariable String token, @RequestParam(name = "outcome") String outcome,
            @RequestParam(name = "forwardedTo", required = false) @Nullable String forwardedTo,
            @RequestParam(name = "reason", required = false) @Nullable String reason,
            @RequestParam(name = "outgoingNumber", required = false) @Nullable String outgoingNumber,
            @RequestParam(name = "outgoingDate", required = false) @Nullable String outgoingDate,
            HttpServletRequest request, HttpServletResponse response) {
        AnswerInput input = new AnswerInput(outcome, forwardedTo, reason, outgoingNumber, outgoingDate);
        try {
            AcknowledgementPage page = acknowledgements.answer(token, input);
            return page(token, page, "acknowledgement/answered", HttpStatus.OK, request, response);
        } catch (AlreadyRecordedException e) {
            return page(token, acknowledgements.open(token), "acknowledgement/answered", HttpStatus.CONFLICT,
                    request, response).addObject("alreadyAnswered", true);
        } catch (InvalidInputException e) {
            return page(token, acknowledgements.open(token), "acknowledgement/confirmed", HttpStatus.BAD_REQUEST,
                    request, response).addObject("input", input)
                    .addObject("answerProblems", e.problems().stream().map(FieldProblem::field).toList());
        } catch (AcknowledgementNotStoredException e) {
            return page(token, acknowledgements.open(token), "acknowledgement/confirmed",
                    HttpStatus.SERVICE_UNAVAILABLE, request, response).addObject("input", input)
                    .addObject("notStored", true);
        }
    }

    @PostMapping(path = "/ack/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView acknowledge(@PathVariable String token,
            @RequestParam(name = "registrationNumber", required = false) @Nullable String registrationNumber,
            HttpServletRequest request, HttpServletResponse response) {
        try {
            AcknowledgementPage page = acknowledgements.acknowledge(token,
                    registrationNumber == null ? "" : registrationNumber);
            return page(token, page, view(page), HttpStatus.OK, request, response);
        } catch (InvalidRegistrationNumberException e) {
            ModelAndView form = page(token, acknowledgements.open(token), "acknowledgement/form",
                    HttpStatus.BAD_REQUEST, request, response);
            form.addObject("invalidNumber", true);
            return form;
        } catch (AcknowledgementNotStoredException e) {
            ModelAndView form = page(token, acknowledgements.open(token), "acknowledgement/form",
                    HttpStatus.SERVICE_UNAVAILABLE, request, response);
            form.addObject("notStored", true);
            return form;
        }
    }

    /** In the three languages: a refused link does not say which body it was for. */
    @ExceptionHandler
    ModelAndView refused(RefusedLinkException e, HttpServletResponse response) {
        noStore(response);
        ModelAndView page = new ModelAndView("acknowledgement/refused");
        page.addObject("expired", e.reason() == RefusedLinkException.Reason.EXPIRED);
        page.setStatus(e.reason() == RefusedLinkException.Reason.EXPIRED ? HttpStatus.GONE : HttpStatus.NOT_FOUND);
        return page;
    }

    @ExceptionHandler
    ModelAndView unavailable(CaseFilesUnavailableException e, HttpServletResponse response) {
        noStore(response);
        response.setHeader("Retry-After", "5");
        ModelAndView page = new ModelAndView("acknowledgement/unavailable");
        page.setStatus(HttpStatus.SERVICE_UNAVAILABLE);
        return page;
    }

    private static String view(AcknowledgementPage page) {
        if (page.answered()) {
            return "acknowledgement/answered";
        }
        return page.acknowledged() ? "acknowledgement/confirmed" : "acknowledgement/form";
    }

    private ModelAndView page(String token, AcknowledgementPage page, String view, HttpStatus status,
            HttpServletRequest request, HttpServletResponse response) {
        String language = PageLocaleResolver.known(page.assignment().language());
        PageLocaleResolver.speak(language, request, response);
        noStore(response);
        ModelAndView model = new ModelAndView(view);
        model.addObject("token", token);
        model.addObject("reference", page.reference());
        model.addObject("assignment", page.assignment());
        model.addObject("authorityName", page.assignment().authorityName().getOrDefault(language,
                page.assignment().authorityName().getOrDefault("en", page.assignment().authorityId())));
        model.addObject("language", language);
        model.addObject("outcomes", OUTCOMES);
        PageTimes times = new PageTimes(language, zone);
        model.addObject("times", Map.of(
                "notifiedAt", Objects.requireNonNullElse(times.moment(page.assignment().notifiedAt()), ""),
                "acknowledgeBy", times.day(page.assignment().acknowledgeBy()),
                "answerBy", times.day(page.assignment().answerBy()),
                "acknowledgedAt", Objects.requireNonNullElse(times.moment(page.assignment().acknowledgedAt()), ""),
                "answeredAt", Objects.requireNonNullElse(times.moment(page.assignment().answeredAt()), "")));
        model.setStatus(status);
        return model;
    }

    private static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        // Not no-referrer: under it a browser posts the page's form with "Origin: null", which the cross-origin check
        // refuses (PagesIT). same-origin still sends no address, and so no token, to any other site.
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
    }
}
