package org.hotline.cases.http;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The language of a page: the one its controller chose and left in a request attribute (the body's correspondence
 * language on the acknowledgement pages, the one asked for on the status page); elsewhere, the Accept-Language
 * header.
 */
public final class PageLocaleResolver extends AcceptHeaderLocaleResolver {

    public static final String ATTRIBUTE = PageLocaleResolver.class.getName() + ".locale";

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Locale locale ? locale : super.resolveLocale(request);
    }
}
