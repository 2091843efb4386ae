package org.hotline.web.audit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

class AuditFilterTest {

    private static final Instant NOW = Instant.parse("2026-12-10T06:00:00Z");
    private static final String ANSWER = "/api/v1/cases/HL-7F3K-9QX2-ABCD/assignments/kz-39-police/answer";

    private final List<StaffAction> trail = new ArrayList<>();
    private final AuditFilter filter = new AuditFilter(
            Map.of(Pattern.compile("/api/v1/cases/[^/]+/assignments/[^/]+/answer"), "case.answer.record",
                    Pattern.compile("/console/cases/([^/]+)/complainant"), "case.complainant.open"),
            trail::add, Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void forgetTheCaller() {
        SecurityContextHolder.clearContext();
    }

    private void answeredWith(int status, String path, String method) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain() {
            @Override
            public void doFilter(ServletRequest req, ServletResponse res) {
                ((HttpServletResponse) res).setStatus(status);
            }
        });
    }

    private static void signedInAs(String name, String... roles) {
        List<String> authorities = new ArrayList<>(List.of("FACTOR_PASSWORD"));
        for (String role : roles) {
            authorities.add("ROLE_" + role);
        }
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name,
                null, AuthorityUtils.createAuthorityList(authorities)));
    }

    @Test
    void recordsWhoRecordedAnAnswerWithTheOutcomeOfTheRequestAndNothingOfTheCase() throws Exception {
        signedInAs("caseworker-1", "STAFF");

        answeredWith(202, ANSWER, "POST");

        assertThat(trail).containsExactly(new StaffAction("caseworker-1", Set.of("STAFF"), "case.answer.record",
                StaffAction.Outcome.SUCCEEDED, 202, NOW));
    }

    @Test
    void recordsAFormsRedirectBackToItsPageAsSucceededAndABadFormAsRejected() throws Exception {
        // given a caseworker posting the console's forms, answered 303 when taken and 400 when not
        signedInAs("caseworker-1", "STAFF");

        // when
        answeredWith(303, ANSWER, "POST");
        answeredWith(400, ANSWER, "POST");

        // then
        assertThat(trail).extracting(StaffAction::outcome).containsExactly(StaffAction.Outcome.SUCCEEDED,
                StaffAction.Outcome.REJECTED);
    }

    @Test
    void recordsARefusalForLackOfRoleAsDenied() throws Exception {
        signedInAs("scraper", "OPS");

        answeredWith(403, ANSWER, "POST");

        assertThat(trail).extracting(StaffAction::outcome).containsExactly(StaffAction.Outcome.DENIED);
    }

    @Test
    void recordsNothingForARequestWithoutAnAccountOrOutsideTheStaffEndpoint() throws Exception {
        answeredWith(401, ANSWER, "POST");
        signedInAs("caseworker-1", "STAFF");
        answeredWith(200, "/api/v1/complaints/status", "POST");
        answeredWith(401, ANSWER, "GET");

        assertThat(trail).isEmpty();
    }

    @Test
    void namesTheCaseOfAnActionWhosePathCapturesItsReference() throws Exception {
        // given a caseworker signed in
        signedInAs("caseworker-1", "STAFF");

        // when she opens a complainant's contact details in the console
        answeredWith(200, "/console/cases/HL-7F3K-9QX2-ABCD/complainant", "POST");

        // then the trail says which case
        assertThat(trail).containsExactly(new StaffAction("caseworker-1", Set.of("STAFF"), "case.complainant.open",
                StaffAction.Outcome.SUCCEEDED, 200, NOW, "HL-7F3K-9QX2-ABCD"));
    }

    @Test
    void leavesOutWhatIsNotAReferenceWhereAReferenceWouldBe() throws Exception {
        // given a caseworker signed in
        signedInAs("caseworker-1", "STAFF");

        // when the path holds text that is not a reference
        answeredWith(404, "/console/cases/Aigerim%20Saparova/complainant", "POST");

        // then the action is recorded, without that text
        assertThat(trail).singleElement().satisfies(action -> {
            assertThat(action.action()).isEqualTo("case.complainant.open");
            assertThat(action.reference()).isNull();
        });
    }
}
