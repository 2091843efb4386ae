package org.hotline.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Exemplars told apart where OpenMetrics 1.0 allows them and where a Prometheus before 2.43 refuses the page. */
class ScrapePagesTest {

    /** Lines as the intake and notification services wrote them before their exemplars were kept to counters. */
    private static final String PAGE = """
            # TYPE hotline_intake_complaints_accepted counter
            hotline_intake_complaints_accepted_total{category="EXTORTION",region="KZ-39"} 1.0 \
            # {span_id="4a5306f38626f250",trace_id="22cf266ef4ba1136a6eb4047d7dc9dd0"} 1.0 1796336999.799
            hotline_intake_publish_seconds_bucket{outcome="committed",le="0.05"} 6 \
            # {span_id="6979e6d46c864fd3",trace_id="0667b3a60d2ce16f65e4bab418c1ed43"} 0.04 1796337001.252
            hotline_intake_publish_seconds_count{outcome="committed"} 6 \
            # {span_id="6979e6d46c864fd3",trace_id="0667b3a60d2ce16f65e4bab418c1ed43"} 0.04 1796337001.252
            hotline_intake_publish_seconds_sum{outcome="committed"} 0.3
            hotline_notification_read_delay_seconds{topic="complaints.routed.v1",quantile="0.5"} 0.86 \
            # {span_id="eb8d23bf14a2ac35",trace_id="22cf266ef4ba1136a6eb4047d7dc9dd0"} 1.201 1796337001.499
            http_server_requests_seconds_count{uri="/ack/{token}",status="200"} 2 \
            # {span_id="75b8ce786bafc9d3",trace_id="499e3b6f022a65561ae00d23c34b9921"} 0.1 1796337000.199
            http_server_requests_seconds_bucket{uri="/ack/{token}",status="200",le="0.1"} 2 \
            # {span_id="75b8ce786bafc9d3",trace_id="499e3b6f022a65561ae00d23c34b9921"} 0.1 1796337000.199
            process_uptime_seconds 12.5
            # EOF
            """;

    @Test
    void findsEverySampleWithAnExemplarWhateverItsLabelsHold() {
        // when
        var samples = ScrapePages.withExemplars(PAGE);

        // then
        assertThat(samples).hasSize(6).allSatisfy(sample -> assertThat(sample).contains(" # {span_id="));
    }

    @Test
    void namesTheExemplarsOnCountsAndQuantilesButNotThoseOnCountersAndBuckets() {
        // when
        var misplaced = ScrapePages.misplacedExemplars(PAGE);

        // then
        assertThat(misplaced).extracting(sample -> sample.substring(0, sample.indexOf('{')))
                .containsExactly("hotline_intake_publish_seconds_count", "hotline_notification_read_delay_seconds",
                        "http_server_requests_seconds_count");
    }

    @Test
    void findsNothingOnAPageWithoutExemplars() {
        // given
        String page = "process_uptime_seconds 12.5\nhotline_intake_complaints_accepted_total{region=\"KZ-39\"} 1.0\n";

        // then
        assertThat(ScrapePages.withExemplars(page)).isEmpty();
        assertThat(ScrapePages.misplacedExemplars(page)).isEmpty();
    }
}
