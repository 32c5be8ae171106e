package io.smarketing.system;

import static io.smarketing.system.Platform.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.smarketing.testing.Browser;

/**
 * Each role's page of the dashboard in a real headless Chromium, against the running platform: the rep's queue
 * (accept and reject on the page, and the shared view moves), the marketer's campaigns and the feedback rounds
 * waiting for marketing, the executive's shared view; in English and Japanese, with a screenshot of each, numbers
 * and money formatted for the language, every row of cards filled, nothing clipped and nothing in the console.
 */
class RolePagesBrowserTest {

    private static final Duration PAGE = Duration.ofSeconds(30);

    @RegisterExtension
    static final Browser browser = Browser.headless(1400, 1000);

    @BeforeEach
    void forgetTheLastTestsConsole() {
        browser.consoleErrors();
    }

    @Test
    void aRepAcceptsALeadOnTheirPageAndTheSharedViewMoves() {
        String rep = "sam-pages-" + UUID.randomUUID().toString().substring(0, 8);
        String first = assignedLead(rep, "Aiko Tanaka");
        String second = assignedLead(rep, "Ben Ortiz");

        browser.signIn(Platform.GOALS + "/", "sales", rep);
        browser.useLanguage("en");
        await().atMost(PAGE).until(() -> queue().equals(List.of(first, second)));
        assertEquals(List.of("my-leads", "view"), navigation(), "a rep sees their leads and the shared view");
        // the test platform's follow-up SLA is 3 s: the countdown runs out and marks both overdue, without a reload
        await().atMost(PAGE).until(() -> "2".equals(browser.text("#my-leads-overdue")));
        assertTrue(browser.text("tr[data-lead='" + first + "'] .countdown").endsWith("overdue"));
        assertEquals(List.of(), browser.layoutProblems());
        browser.screenshot("my-leads-en");
        browser.useLanguage("ja");
        assertEquals("担当リード", browser.text("#my-leads-page h2"));
        assertTrue(browser.text("tr[data-lead='" + first + "'] .countdown").endsWith("超過"));
        assertEquals(List.of(), browser.layoutProblems());
        browser.screenshot("my-leads-ja");
        browser.useLanguage("en");

        long sqlsBefore = await().atMost(PAGE).until(() -> funnel("sqls"), n -> n >= 0);
        browser.click("tr[data-lead='" + first + "'] button.accept");
        await().atMost(PAGE).until(() -> queue().equals(List.of(second)));
        await().atMost(PAGE).until(() -> funnel("sqls") > sqlsBefore);
        as("sales", rep, Platform.LEADS).when().get("/api/leads/" + first)
                .then().statusCode(200).body("stage", equalTo("SQL"));

        browser.fill("tr[data-lead='" + second + "'] select.reason", "NO_BUDGET");
        browser.fill("tr[data-lead='" + second + "'] input.note", "Budget frozen until April");
        browser.click("tr[data-lead='" + second + "'] button.reject");
        await().atMost(PAGE).until(() -> queue().isEmpty() && !browser.text("#my-leads-empty").isEmpty()
                && Boolean.FALSE.equals(browser.script("return document.getElementById('my-leads-empty').hidden")));
        as("sales", rep, Platform.LEADS).when().get("/api/leads/" + second).then().statusCode(200)
                .body("stage", equalTo("REJECTED"))
                .body("rejectionReason", equalTo("NO_BUDGET"));

        browser.click("#pages a[data-page='view']");
        assertEquals("false", String.valueOf(browser.script("return document.getElementById('dashboard').hidden")));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void aMarketerSeesTheirCampaignsAndGivesMarketingsEntryToAWaitingRound() {
        String marketer = "mia-pages-" + UUID.randomUUID().toString().substring(0, 8);
        String campaign = launchedCampaign(marketer, "Spring webinar " + marketer.substring(10));
        as("marketing", marketer, Platform.CAMPAIGNS).body("{\"amount\":1234567}")
                .when().post("/api/campaigns/" + campaign + "/spend").then().statusCode(200);
        Platform.captureLead(marketer, "{\"email\":\"" + marketer + "@acme-corp.com\",\"name\":\"Chika Mori\","
                + "\"company\":\"Acme\",\"campaignId\":\"" + campaign + "\",\"channel\":\"EVENT\"}").then().statusCode(201);
        String round = as("marketing", marketer, Platform.FEEDBACK).body("{\"campaignId\":\"" + campaign + "\"}")
                .when().post("/api/feedback/rounds").then().statusCode(201).extract().path("id");

        browser.signIn(Platform.GOALS + "/", "marketing", marketer);
        browser.useLanguage("en");
        String row = "#my-campaigns tr[data-campaign='" + campaign + "']";
        await().atMost(PAGE).until(() -> "1".equals(browser.text(row + " .leads")));
        assertEquals(List.of("my-campaigns", "view"), navigation(), "a marketer sees their campaigns and the shared view");
        assertEquals("¥1,234,567", browser.text(row + " .spend"));
        assertEquals("Active", browser.text(row + " td:nth-child(2)"));
        await().atMost(PAGE).until(() -> browser.text("form[data-round='" + round + "']") != null);
        assertEquals(List.of(), browser.layoutProblems());
        browser.screenshot("my-campaigns-en");
        browser.useLanguage("ja");
        assertEquals("￥1,234,567", browser.text(row + " .spend"));
        assertEquals("実施中", browser.text(row + " td:nth-child(2)"));
        assertEquals(List.of(), browser.layoutProblems());
        browser.screenshot("my-campaigns-ja");
        browser.useLanguage("en");

        browser.fill("form[data-round='" + round + "'] textarea", "Fewer students, more finance leads");
        browser.click("form[data-round='" + round + "'] button");
        await().atMost(PAGE).until(() -> browser.text("form[data-round='" + round + "']") == null);
        as("marketing", marketer, Platform.FEEDBACK).when().get("/api/feedback/rounds/" + round).then()
                .statusCode(200).body("summary.entriesByTeam.MARKETING", equalTo(1));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void anExecutiveSeesTheSharedViewWithMoneyAndNumbersInTheirLanguageOnAnyScreenWidth() {
        String goal = as("executive", "erin", Platform.GOALS).body("{\"name\":\"Pages revenue " + UUID.randomUUID()
                + "\",\"metric\":\"REVENUE\",\"target\":11420000,\"periodStart\":\"" + LocalDate.now().minusDays(5)
                + "\",\"periodEnd\":\"" + LocalDate.now().plusDays(25) + "\",\"salesOwners\":[\"sam\"],"
                + "\"marketingOwners\":[\"mia\"]}").when().post("/api/goals").then().statusCode(201).extract().path("id");

        browser.signIn(Platform.GOALS + "/", "executive", "erin");
        browser.useLanguage("en");
        String goalLine = "#goals [data-goal='" + goal + "'] .small";
        await().atMost(PAGE).until(() -> browser.text(goalLine) != null);
        assertEquals(List.of("view"), navigation(), "an executive has the shared view, and no page of their own");
        assertTrue(browser.text(goalLine).matches("¥[0-9,]+ / ¥11,420,000 .*"), browser.text(goalLine));
        assertTrue(browser.text("#revenue").matches("¥[0-9,]+"), browser.text("#revenue"));
        await().atMost(PAGE).until(() -> browser.text("#trend svg") != null);
        for (int width : new int[] { 1400, 1920, 1024, 760 }) {
            browser.resize(width, 1000);
            assertEquals(List.of(), browser.layoutProblems(), "at " + width + " px");
        }
        browser.resize(1400, 1000);
        browser.screenshot("view-en");
        browser.useLanguage("ja");
        assertTrue(browser.text(goalLine).matches("￥[0-9,]+ / ￥11,420,000 .*"), browser.text(goalLine));
        assertEquals("ファネル", browser.text("#funnel-card h2"));
        assertEquals(List.of(), browser.layoutProblems());
        browser.screenshot("view-ja");
        browser.useLanguage("en");
        assertEquals(List.of(), browser.consoleErrors());
    }

    /** An MQL captured by marketing and assigned to the rep. */
    private static String assignedLead(String rep, String name) {
        String id = as("marketing", "alice", Platform.LEADS).body("{\"email\":\"" + UUID.randomUUID()
                + "@acme-corp.com\",\"name\":\"" + name + "\",\"company\":\"Acme\",\"title\":\"Head of Finance\","
                + "\"channel\":\"REFERRAL\"}").when().post("/api/leads").then().statusCode(201)
                .body("stage", equalTo("MQL")).extract().path("id");
        as("marketing", "alice", Platform.LEADS).body("{\"ownerId\":\"" + rep + "\"}")
                .when().post("/api/leads/" + id + "/assign").then().statusCode(200);
        return id;
    }

    private static String launchedCampaign(String marketer, String name) {
        String id = as("marketing", marketer, Platform.CAMPAIGNS).body("{\"name\":\"" + name + "\",\"channel\":\"EVENT\","
                + "\"budget\":3000000,\"startDate\":\"" + LocalDate.now() + "\",\"endDate\":\"" + LocalDate.now().plusDays(30)
                + "\",\"keyMessage\":\"Close the books in a day\",\"marketingOwner\":\"" + marketer
                + "\",\"salesLiaison\":\"sam\"}").when().post("/api/campaigns").then().statusCode(201).extract().path("id");
        as("marketing", marketer, Platform.CAMPAIGNS).when().post("/api/campaigns/" + id + "/launch").then().statusCode(200);
        return id;
    }

    /** The ids of the leads in the rep's queue, top to bottom. */
    @SuppressWarnings("unchecked")
    private static List<String> queue() {
        return (List<String>) browser.script(
                "return [...document.querySelectorAll('#my-leads tbody tr')].map((tr) => tr.dataset.lead);");
    }

    /** The pages the navigation offers. */
    @SuppressWarnings("unchecked")
    private static List<String> navigation() {
        return (List<String>) browser.script("return [...document.querySelectorAll('#pages a')].map((a) => a.dataset.page);");
    }

    /** A funnel number of the shared view (rendered even while another page is shown), or -1 before the first view. */
    private static long funnel(String stage) {
        Object value = browser.script("const cell = document.getElementById('funnel-' + arguments[0]);"
                + " return cell ? cell.dataset.value : null;", stage);
        return value == null ? -1 : Long.parseLong(value.toString());
    }
}
