package org.hotline.intake.http;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The language of a page: the one its controller chose ({@code ?lang=}, else the browser's) and left in a request
 * attribute; elsewhere, the Accept-Language header. The case service's pages choose theirs the same way.
 */
public final class PageLocaleResolver extends AcceptHeaderLocaleResolver {

    public static final String ATTRIBUTE = PageLocaleResolver.class.getName() + ".locale";

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Locale locale ? locale : super.resolveLocale(request);
    }
}
