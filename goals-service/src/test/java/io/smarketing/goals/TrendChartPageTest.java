package io.smarketing.goals;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smarketing.events.Channel;
import io.smarketing.events.LeadCreated;
import io.smarketing.events.LeadStage;
import io.smarketing.testing.RealInfrastructure;
import io.smarketing.testing.Tokens;
import io.smarketing.testing.TopicProbe;

/** The dashboard's trend chart in a real headless Chromium: drawn as SVG from /api/view/series, and updated live. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class TrendChartPageTest {

    private static WebDriver browser;

    @TestHTTPResource("/")
    URL page;

    @BeforeAll
    static void openBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("smarketing.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--window-size=1400,1400");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("smarketing.chromedriver", "/usr/bin/chromedriver")))
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theTrendChartShowsTheLast30DaysAndFollowsNewLeads() throws IOException {
        for (int daysAgo = 0; daysAgo < 12; daysAgo++) {
            for (int i = 0; i <= daysAgo % 4; i++) {
                lead(Instant.now().minus(Duration.ofDays(daysAgo)).minusSeconds(60));
            }
        }
        browser.get(page + "#token=" + Tokens.bearer("executive", "erin").substring("Bearer ".length()));

        long before = await().atMost(Duration.ofSeconds(30)).until(TrendChartPageTest::leadsCharted, n -> n >= 30);
        assertEquals("30", browser.findElement(By.id("trend")).getAttribute("data-points"), "one point per day");
        assertEquals(1, browser.findElements(By.cssSelector("#trend svg path.trend-leads")).size());

        lead(Instant.now().minusSeconds(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> leadsCharted() == before + 1);

        Path screenshot = Path.of("target", "trend-chart.png").toAbsolutePath();
        Files.write(screenshot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        System.out.println("Trend chart screenshot: " + screenshot);
    }

    /** The leads the chart adds up over its days, or -1 before it is drawn. */
    private static long leadsCharted() {
        Object total = ((JavascriptExecutor) browser).executeScript(
                "const c = document.getElementById('trend'); return c && c.dataset.total ? c.dataset.total : null;");
        return total == null ? -1 : Long.parseLong(total.toString());
    }

    private static void lead(Instant at) {
        UUID lead = UUID.randomUUID();
        TopicProbe.publish(new LeadCreated(lead, null, LeadStage.NEW, lead + "@example.com", "Lee", null, Channel.WEB,
                40, "mia", at));
    }
}
