package io.smarketing.leads;

import static io.restassured.RestAssured.given;
import static io.smarketing.leads.LeadsApi.MARKETING;
import static io.smarketing.leads.LeadsApi.SALES;
import static io.smarketing.leads.LeadsApi.as;
import static io.smarketing.leads.LeadsApi.awaitEvent;
import static io.smarketing.leads.LeadsApi.capture;
import static io.smarketing.leads.LeadsApi.knownCampaign;
import static io.smarketing.leads.LeadsApi.newLeadJson;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.smarketing.events.LeadCreated;
import io.smarketing.events.LeadTouched;
import io.smarketing.testing.RealInfrastructure;
import io.smarketing.testing.Tokens;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class LeadImportTest {

    @TestHTTPResource("/api/leads/import")
    java.net.URI importUri;

    static RequestSpecification csvAs(String role, String user) {
        return given().header("Authorization", Tokens.bearer(role, user)).contentType("text/csv");
    }

    @Test
    void aMixedFileKeepsTheValidLinesAndReportsEveryOtherLineByNumber() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String existingEmail = "existing-" + tag + "@acme-corp.com";
        String existing = capture(newLeadJson(existingEmail));
        UUID campaign = knownCampaign("Import key " + tag);
        UUID unknown = UUID.randomUUID();
        String csv = "\uFEFFemail,name,company,title,phone,campaignId,channel\r\n"
                + "one-" + tag + "@acme-corp.com,Ann One,Acme,,,,WEB\r\n"
                + "\"" + existingEmail.toUpperCase() + "\",Bo,,,,,EVENT\r\n"
                + "two-" + tag + "@acme-corp.com,\"Lee, Cy\",Acme,CEO,,,REFERRAL\n"
                + "\n"
                + "ONE-" + tag + "@ACME-CORP.COM,Ann Again,,,,,EMAIL\n"
                + "not-an-email,Dee,,,,,WEB\n"
                + "e-" + tag + "@x.com,Ed,WEB\n"
                + "f-" + tag + "@x.com,Fay,,,," + unknown + ",WEB\n"
                + "g-" + tag + "@x.com,Gus,,,,,FAX\n"
                + "h-" + tag + "@acme-corp.com,\"Hal \"\"the closer\"\"\",Acme,,," + campaign + ",EVENT";

        csvAs(MARKETING, "mia").body(csv).when().post("/api/leads/import")
                .then().statusCode(200)
                .body("created", equalTo(3))
                .body("duplicates", equalTo(2))
                .body("rejected.line", contains(7, 8, 9, 10))
                .body("rejected.error", contains(
                        "email: must be a well-formed email address",
                        "expected 7 columns, found 3",
                        "campaignId: unknown campaign " + unknown,
                        "channel: must be one of [WEB, EMAIL, EVENT, ADS, SOCIAL, REFERRAL, OTHER]"));

        String two = as(SALES, "sam").queryParam("q", "two-" + tag).when().get("/api/leads")
                .then().body("total", equalTo(1)).body("items[0].name", equalTo("Lee, Cy"))
                .body("items[0].stage", equalTo("MQL")).extract().path("items[0].id");
        JsonNode created = awaitEvent(two, LeadCreated.TYPE);
        assertEquals("mia", created.get("by").asText());
        as(SALES, "sam").queryParam("q", "h-" + tag).when().get("/api/leads")
                .then().body("items[0].name", equalTo("Hal \"the closer\""))
                .body("items[0].campaignId", equalTo(campaign.toString()));
        String one = as(SALES, "sam").queryParam("q", "one-" + tag).when().get("/api/leads")
                .then().body("total", equalTo(1)).extract().path("items[0].id");
        as(SALES, "sam").when().get("/api/leads/" + one + "/timeline")
                .then().body("items.type", contains("created", "touched"))
                .body("items[1].data.channel", equalTo("EMAIL"));
        JsonNode touch = awaitEvent(existing, LeadTouched.TYPE);
        assertEquals("EVENT", touch.get("channel").asText());
        assertEquals("MARKETING", touch.get("team").asText());
    }

    @Test
    void aFileWithOnlyAHeaderImportsNothing() {
        csvAs(MARKETING, "mia").body("email,name,channel\n").when().post("/api/leads/import")
                .then().statusCode(200).body("created", equalTo(0)).body("duplicates", equalTo(0))
                .body("rejected", empty());
    }

    @Test
    void aFileWithoutItsRequiredColumnsOrWithoutAnyLineIsA422() {
        csvAs(MARKETING, "mia").body("email,name\na@b.com,Ann\n").when().post("/api/leads/import")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("header"));
        csvAs(MARKETING, "mia").body("").when().post("/api/leads/import")
                .then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void aBodyOverTheLimitIsA413BeforeAnythingIsStored() throws Exception {
        String tag = UUID.randomUUID().toString();
        // a valid first line, then 15,000 lines of 600 characters: 9 MB, over leads.import-max-bytes (8 MiB)
        // before the line limit (20,000)
        String csv = "email,name,channel\nbig-" + tag + "@acme.com,Ann,WEB\n" + ("x".repeat(599) + "\n").repeat(15_000);
        csvAs(MARKETING, "mia").body(csv).when().post("/api/leads/import")
                .then().statusCode(413).contentType("application/problem+json");

        // the same without a length (chunked): counted while it is read
        var request = java.net.http.HttpRequest.newBuilder(importUri)
                .header("Authorization", Tokens.bearer(MARKETING, "mia")).header("Content-Type", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .build();
        var response = java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode(), response.body());

        as(MARKETING, "mia").queryParam("q", "big-" + tag).when().get("/api/leads")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aLineTooLongOrTooWideIsRejectedAlone() {
        String tag = UUID.randomUUID().toString();
        csvAs(MARKETING, "mia").body("email,name,channel\nok-" + tag + "@acme.com,Ann,WEB\n"
                + "x".repeat(5000) + "@acme.com,Bo,WEB\n" + "a,".repeat(10_000) + "a\n")
                .when().post("/api/leads/import")
                .then().statusCode(200).body("created", equalTo(1))
                .body("rejected.line", contains(3, 4));
    }

    @Test
    void anImportMustBeCsv() {
        as(MARKETING, "mia").body("{\"email\":\"a@b.com\"}").when().post("/api/leads/import")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void onlyMarketingImports() {
        csvAs(SALES, "sam").body("email,name,channel\n").when().post("/api/leads/import")
                .then().statusCode(403).contentType("application/problem+json");
    }
}
