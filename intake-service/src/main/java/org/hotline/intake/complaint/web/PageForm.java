package org.hotline.intake.complaint.web;

import java.util.List;
import java.util.Map;
import org.hotline.intake.complaint.domain.Channel;
import org.hotline.intake.complaint.domain.ComplaintForm;
import org.jspecify.annotations.Nullable;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * What the complaint form posted, field by field, named as the API's JSON paths ({@code incident.description}), so
 * that the validator's violations name the form's fields. It becomes the same {@link ComplaintForm} the API reads,
 * and shows itself again when the form comes back: every value kept, so that nobody writes her account twice.
 *
 * <p>A form sends an empty text for a field left empty, which here means "not given" (the API's absent field);
 * a check box sends its value only when ticked. The complaint's language is the page's. Public, with the methods the
 * template calls, because the template's expressions call only public methods of public classes.
 */
public final class PageForm {

    /** How the form names the fields whose value is a list (the check boxes of the categories). */
    static final String CATEGORIES = "incident.categories";

    private final MultiValueMap<String, String> values;

    private PageForm(MultiValueMap<String, String> values) {
        this.values = values;
    }

    static PageForm empty() {
        return new PageForm(new LinkedMultiValueMap<>());
    }

    static PageForm of(Map<String, List<String>> posted) {
        return new PageForm(new LinkedMultiValueMap<>(posted));
    }

    /** The form's text of a field, or the empty text. */
    public String value(String field) {
        String value = values.getFirst(field);
        return value == null ? "" : value;
    }

    /** Whether a check box or radio button with this value was chosen. */
    public boolean chosen(String field, String option) {
        List<String> chosen = values.get(field);
        return chosen != null && chosen.contains(option);
    }

    /** The value of a select, or its default when the form has none (a first visit). */
    public String valueOr(String field, String otherwise) {
        String value = values.getFirst(field);
        return value == null ? otherwise : value;
    }

    ComplaintForm toComplaintForm(String language) {
        List<String> categories = values.getOrDefault(CATEGORIES, List.of()).stream()
                .filter(category -> !category.isBlank()).toList();
        return new ComplaintForm(Channel.WEB.name(), language,
                new ComplaintForm.Incident(categories.isEmpty() ? null : List.copyOf(categories),
                        text("incident.description"), text("incident.occurredOn"), yesNo("incident.ongoing")),
                new ComplaintForm.Location(text("location.country"), text("location.region"), null,
                        text("location.settlement")),
                new ComplaintForm.Workplace(text("workplace.sector"), text("workplace.type"),
                        text("workplace.organizationName")),
                new ComplaintForm.Accused(text("accused.role"), ticked("accused.publicOfficial")),
                new ComplaintForm.Victim(ticked("victim.minor")),
                new ComplaintForm.Risk(ticked("risk.immediateDanger")),
                new ComplaintForm.Complainant(text("complainant.mode"), text("complainant.name"),
                        text("complainant.email"), text("complainant.phone"), text("complainant.preferredLanguage"),
                        ticked("complainant.consentToContact")));
    }

    private @Nullable String text(String field) {
        String value = values.getFirst(field);
        return value == null || value.isBlank() ? null : value;
    }

    /** A radio group of yes, no and "I would rather not say" (nothing). */
    private @Nullable Boolean yesNo(String field) {
        String value = text(field);
        return value == null ? null : Boolean.valueOf(value);
    }

    private @Nullable Boolean ticked(String field) {
        return "true".equals(values.getFirst(field)) ? Boolean.TRUE : null;
    }
}
