package io.smarketing.system;

import static io.smarketing.system.Platform.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.smarketing.testing.Browser;

/** The dashboard in a real headless Chromium: it shows the numbers and follows them live, without a reload. */
class DashboardBrowserTest {

    @RegisterExtension
    static final Browser browser = Browser.headless(1400, 1200);

    @Test
    void theDashboardShowsTheViewAndUpdatesLiveWhenALeadArrives() {
        browser.signIn(Platform.GOALS + "/", "executive", "erin");

        long before = await().atMost(Duration.ofSeconds(30)).until(DashboardBrowserTest::leadsOnPage, count -> count >= 0);
        assertEquals("live", browser.text("#live"));
        assertTrue(browser.driver().getCurrentUrl().indexOf("token=") < 0, "the token leaves the address bar");

        long postedAt = System.nanoTime();
        as("marketing", "alice", Platform.LEADS)
                .body("{\"email\":\"browser-" + UUID.randomUUID() + "@example.com\",\"name\":\"Bo Wser\",\"channel\":\"WEB\"}")
                .when().post("/api/leads").then().statusCode(201);

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
                .until(() -> leadsOnPage() == before + 1);
        long millis = Duration.ofNanos(System.nanoTime() - postedAt).toMillis();
        System.out.printf("Dashboard: a new lead appeared on the page %d ms after the POST%n", millis);
        browser.screenshot("dashboard");
    }

    @Test
    void theLanguageSwitchesToJapanese() {
        browser.signIn(Platform.GOALS + "/", "sales", "sam");
        await().atMost(Duration.ofSeconds(30)).until(() -> leadsOnPage() >= 0);
        browser.click("#pages a[data-page='view']");
        browser.useLanguage("en");
        browser.click("#lang");
        await().atMost(Duration.ofSeconds(5)).until(() -> "ファネル".equals(browser.text("#funnel-card h2")));
        browser.click("#lang");
        await().atMost(Duration.ofSeconds(5)).until(() -> "Funnel".equals(browser.text("#funnel-card h2")));
    }

    /**
     * The leads count the page shows (its exact value, whatever the language's digit grouping), or -1 before the
     * first view arrived. Read in one script call: the page redraws the funnel on every pushed view.
     */
    private static long leadsOnPage() {
        Object value = browser.script("const cell = document.getElementById('funnel-leads');"
                + " return cell ? cell.dataset.value : null;");
        return value == null ? -1 : Long.parseLong(value.toString());
    }
}
