package io.smarketing.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard's pages in a real headless Chromium, for every browser test: the system's chromium and
 * chromedriver ({@code smarketing.chromium}, {@code smarketing.chromedriver}; Selenium Manager cannot download
 * here), signed in with a test token, with the console collected and screenshots written to {@code target/}.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback {

    /**
     * What is wrong with the layout of the dashboard page on show: a row of cards that leaves an empty cell at its
     * end, a card whose content is wider than the card (clipped or spilling), a page that scrolls sideways.
     */
    private static final String LAYOUT_PROBLEMS = """
            const problems = [];
            const main = [...document.querySelectorAll('main.page')].find((m) => !m.hidden);
            if (!main) return ['no page is shown'];
            const right = main.getBoundingClientRect().right - parseFloat(getComputedStyle(main).paddingRight);
            const rowEnds = new Map();
            main.querySelectorAll(':scope > .card').forEach((card) => {
              const box = card.getBoundingClientRect();
              const top = Math.round(box.top);
              rowEnds.set(top, Math.max(rowEnds.get(top) || 0, box.right));
              if (card.scrollWidth > card.clientWidth + 1) {
                problems.push(`card ${card.id || card.querySelector('h2').textContent} is ${card.scrollWidth - card.clientWidth}px too narrow for its content`);
              }
            });
            rowEnds.forEach((end, top) => {
              if (Math.abs(end - right) > 1) problems.push(`the row of cards at ${top}px ends at ${end}px, the page at ${right}px`);
            });
            if (document.documentElement.scrollWidth > window.innerWidth) {
              problems.push(`the page is ${document.documentElement.scrollWidth}px wide in a ${window.innerWidth}px window`);
            }
            return problems;""";

    private final int width;
    private final int height;
    private WebDriver driver;

    private Browser(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /**
     * A headless Chromium with a window of this size, for a test class:
     * {@code @RegisterExtension static final Browser browser = Browser.headless(1400, 1000);} opens it before the
     * class's tests and quits it after them.
     */
    public static Browser headless(int width, int height) {
        return new Browser(width, height);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        File chromium = new File(System.getProperty("smarketing.chromium", "/usr/bin/chromium"));
        File chromedriver = new File(System.getProperty("smarketing.chromedriver", "/usr/bin/chromedriver"));
        if (!chromium.canExecute() || !chromedriver.canExecute()) {
            throw new IllegalStateException("The browser tests need " + chromium + " and " + chromedriver
                    + " (Debian: apt-get install -y chromium chromium-driver fonts-noto-cjk)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        // as root in a container: no sandbox; no GPU; no background downloads or updates to wait for
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--window-size=" + width + "," + height);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver).build();
        driver = new ChromeDriver(service, options);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * Opens the page afresh, signed in as this user: the token goes in the fragment, as the page's sign-in link
     * does. The blank page between makes it a new load even when only the fragment differs from the page on show.
     */
    public void signIn(String page, String role, String user) {
        driver.get("about:blank");
        driver.get(page + "#token=" + Tokens.token(role, user, Duration.ofHours(1), Tokens.AUDIENCE));
    }

    /** Runs a script in the page and returns its result (read what the page shows in one call: it redraws). */
    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** The text of the first element matching the selector, or null while there is none. */
    public String text(String cssSelector) {
        Object text = script("const el = document.querySelector(arguments[0]); return el ? el.textContent : null;",
                cssSelector);
        return text == null ? null : text.toString().trim();
    }

    public void click(String cssSelector) {
        driver.findElement(By.cssSelector(cssSelector)).click();
    }

    /** Types into a field, or picks the option of a select whose value this is. */
    public void fill(String cssSelector, String value) {
        WebElement field = driver.findElement(By.cssSelector(cssSelector));
        if (field.getTagName().equals("select")) {
            new Select(field).selectByValue(value);
        } else {
            field.clear();
            field.sendKeys(value);
        }
    }

    /** Switches the dashboard to a language ({@code en} or {@code ja}) with its language button. */
    public void useLanguage(String language) {
        if (!language.equals(script("return document.documentElement.lang"))) {
            click("#lang");
        }
        if (!language.equals(script("return document.documentElement.lang"))) {
            throw new IllegalStateException("The dashboard did not switch to " + language);
        }
    }

    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Writes the whole page (the window made as tall as the page for it) as {@code target/<name>.png}; returns where. */
    public Path screenshot(String name) {
        Path file = Path.of("target", name + ".png").toAbsolutePath();
        Dimension window = driver.manage().window().getSize();
        // what the page lacks in the window's viewport (which is shorter than the window)
        long missing = ((Number) script("return Math.ceil(document.documentElement.scrollHeight - window.innerHeight)"))
                .longValue();
        try {
            Files.createDirectories(file.getParent());
            if (missing > 0) {
                resize(window.getWidth(), window.getHeight() + (int) missing);
            }
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            resize(window.getWidth(), window.getHeight());
        }
        System.out.println("Screenshot: " + file);
        return file;
    }

    /** What is wrong with the layout of the dashboard's page on show (see {@link #LAYOUT_PROBLEMS}); empty when nothing. */
    @SuppressWarnings("unchecked")
    public List<String> layoutProblems() {
        return (List<String>) script(LAYOUT_PROBLEMS);
    }

    /** The console's errors since the last call (failed loads, uncaught exceptions, refused connections). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }
}
