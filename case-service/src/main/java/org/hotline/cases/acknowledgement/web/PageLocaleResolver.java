package org.hotline.cases.acknowledgement.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The language of a page is the body's correspondence language, which the controller knows only once it has read
 * the link; it leaves it in a request attribute. Elsewhere, the Accept-Language header.
 */
final class PageLocaleResolver extends AcceptHeaderLocaleResolver {

    static final String ATTRIBUTE = PageLocaleResolver.class.getName() + ".locale";

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Locale locale ? locale : super.resolveLocale(request);
    }
}
