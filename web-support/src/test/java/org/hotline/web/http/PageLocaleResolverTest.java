package org.hotline.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** How every page's language is chosen, and kept for the rest of the request. */
class PageLocaleResolverTest {

    private final PageLocaleResolver resolver = new PageLocaleResolver();

    private static MockHttpServletRequest askingFor(String acceptLanguage) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/status");
        request.addHeader("Accept-Language", acceptLanguage);
        return request;
    }

    @Test
    void takesTheLanguageAskedForThenTheBrowsersThenRussian() {
        // given browsers asking for Kazakh, and for German
        MockHttpServletRequest kazakh = askingFor("kk-KZ,ru;q=0.8");
        MockHttpServletRequest german = askingFor("de-DE");

        // then ?lang= wins when it is one of the three, the browser's language next, Russian last
        assertThat(resolver.language("en", kazakh)).isEqualTo("en");
        assertThat(resolver.language("fr", kazakh)).isEqualTo("kk");
        assertThat(resolver.language(null, kazakh)).isEqualTo("kk");
        assertThat(resolver.language(null, german)).isEqualTo("ru");
        assertThat(PageLocaleResolver.known("kk")).isEqualTo("kk");
        assertThat(PageLocaleResolver.known("tg")).isEqualTo("ru");
        assertThat(PageLocaleResolver.known(null)).isEqualTo("ru");
    }

    @Test
    void keepsThePagesLanguageForTheRestOfTheRequestAndSaysIt() {
        // given a browser asking for English, on a page the controller puts in Kazakh
        MockHttpServletRequest request = askingFor("en-GB");
        MockHttpServletResponse response = new MockHttpServletResponse();

        // when
        PageLocaleResolver.speak("kk", request, response);

        // then messages and dates find Kazakh, and the response says so
        assertThat(resolver.resolveLocale(request)).isEqualTo(Locale.forLanguageTag("kk"));
        assertThat(response.getHeader("Content-Language")).isEqualTo("kk");
        assertThat(resolver.resolveLocale(askingFor("en-GB"))).isEqualTo(Locale.forLanguageTag("en-GB"));
    }
}
