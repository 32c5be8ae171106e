package io.smarketing.system;

import static io.smarketing.system.Platform.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

import io.smarketing.testing.Tokens;

/** The dashboard in a real headless Chromium: it shows the numbers and follows them live, without a reload. */
class DashboardBrowserTest {

    private static WebDriver browser;

    @BeforeAll
    static void openBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("smarketing.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--window-size=1400,1200");
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
    void theDashboardShowsTheViewAndUpdatesLiveWhenALeadArrives() throws IOException {
        String token = Tokens.bearer("executive", "erin").substring("Bearer ".length());
        browser.get(Platform.GOALS + "/#token=" + token);

        long before = await().atMost(Duration.ofSeconds(30)).until(() -> leadsOnPage(), count -> count >= 0);
        assertEquals("live", browser.findElement(By.id("live")).getText());
        assertTrue(browser.getCurrentUrl().indexOf("token=") < 0, "the token leaves the address bar");

        long postedAt = System.nanoTime();
        as("marketing", "alice", Platform.LEADS)
                .body("{\"email\":\"browser-" + UUID.randomUUID() + "@example.com\",\"name\":\"Bo Wser\",\"channel\":\"WEB\"}")
                .when().post("/api/leads").then().statusCode(201);

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
                .until(() -> leadsOnPage() == before + 1);
        long millis = Duration.ofNanos(System.nanoTime() - postedAt).toMillis();
        System.out.printf("Dashboard: a new lead appeared on the page %d ms after the POST%n", millis);

        Path screenshot = Path.of("target", "dashboard.png").toAbsolutePath();
        Files.write(screenshot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        System.out.println("Dashboard screenshot: " + screenshot);
    }

    @Test
    void theLanguageSwitchesToJapanese() {
        browser.get(Platform.GOALS + "/#token=" + Tokens.bearer("sales", "sam").substring("Bearer ".length()));
        await().atMost(Duration.ofSeconds(30)).until(() -> leadsOnPage() >= 0);
        browser.findElement(By.id("lang")).click();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> browser.findElement(By.cssSelector("#funnel-card h2")).getText().equals("ファネル"));
        browser.findElement(By.id("lang")).click();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> browser.findElement(By.cssSelector("#funnel-card h2")).getText().equals("Funnel"));
    }

    /**
     * The leads count the page shows, or -1 before the first view arrived. Read in one script call: the page
     * redraws the funnel on every pushed view, so an element found a moment earlier may be gone already.
     */
    private static long leadsOnPage() {
        Object text = ((JavascriptExecutor) browser).executeScript(
                "const cell = document.getElementById('funnel-leads'); return cell ? cell.textContent : null;");
        return text == null || text.toString().isBlank() ? -1 : Long.parseLong(text.toString().trim());
    }
}
