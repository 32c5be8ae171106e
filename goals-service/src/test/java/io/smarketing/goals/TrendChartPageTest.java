package io.smarketing.goals;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smarketing.events.Channel;
import io.smarketing.events.LeadCreated;
import io.smarketing.events.LeadStage;
import io.smarketing.testing.Browser;
import io.smarketing.testing.RealInfrastructure;
import io.smarketing.testing.TopicProbe;

/** The dashboard's trend chart in a real headless Chromium: drawn as SVG from /api/view/series, and updated live. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class TrendChartPageTest {

    /** Every text of the chart (axis labels, the last date, the legend) lies within the chart's drawing area. */
    private static final String EVERY_LABEL_INSIDE_THE_CHART = """
            const svg = document.querySelector('#trend svg').getBoundingClientRect();
            return [...document.querySelectorAll('#trend svg text')].every((text) => {
              const box = text.getBoundingClientRect();
              return box.left >= svg.left - 0.5 && box.right <= svg.right + 0.5
                  && box.top >= svg.top - 0.5 && box.bottom <= svg.bottom + 0.5;
            });""";

    @RegisterExtension
    static final Browser browser = Browser.headless(1400, 1400);

    @TestHTTPResource("/")
    URL page;

    @Test
    void theTrendChartShowsTheLast30DaysAndFollowsNewLeads() {
        for (int daysAgo = 0; daysAgo < 12; daysAgo++) {
            for (int i = 0; i <= daysAgo % 4; i++) {
                lead(Instant.now().minus(Duration.ofDays(daysAgo)).minusSeconds(60));
            }
        }
        browser.signIn(page.toString(), "executive", "erin");

        long before = await().atMost(Duration.ofSeconds(30)).until(TrendChartPageTest::leadsCharted, n -> n >= 30);
        assertEquals("30", browser.script("return document.getElementById('trend').dataset.points"), "one point per day");
        assertEquals(1L, browser.script("return document.querySelectorAll('#trend svg path.trend-leads').length"));
        assertTrue((Boolean) browser.script(EVERY_LABEL_INSIDE_THE_CHART), "no date label is clipped");

        lead(Instant.now().minusSeconds(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> leadsCharted() == before + 1);

        browser.screenshot("trend-chart");
        assertEquals(List.of(), browser.consoleErrors());
    }

    /** The leads the chart adds up over its days, or -1 before it is drawn. */
    private static long leadsCharted() {
        Object total = browser.script(
                "const c = document.getElementById('trend'); return c && c.dataset.total ? c.dataset.total : null;");
        return total == null ? -1 : Long.parseLong(total.toString());
    }

    private static void lead(Instant at) {
        UUID lead = UUID.randomUUID();
        TopicProbe.publish(new LeadCreated(lead, null, LeadStage.NEW, lead + "@example.com", "Lee", null, Channel.WEB,
                40, "mia", at));
    }
}
