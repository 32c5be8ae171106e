package io.smarketing.chassis;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smarketing.testing.RealInfrastructure;
import io.smarketing.testing.Tokens;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class ProblemJsonTest {

    private static final String PROBLEM = "application/problem+json";

    private static RequestSpecification as(String role) {
        return given().header("Authorization", Tokens.bearer(role, role + "-user")).contentType(ContentType.JSON);
    }

    @Test
    void malformedJsonIsA400Problem() {
        as("marketing").body("{\"text\": ").when().post("/api/probe/notes")
                .then().statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400)).body("title", equalTo("Malformed JSON"))
                .body("type", equalTo("urn:smarketing:problem:malformed-json"))
                .body("instance", equalTo("/api/probe/notes"));
    }

    @Test
    void brokenRulesAreA422WithOneViolationPerField() {
        as("marketing").body("{\"text\": \"\"}").when().post("/api/probe/notes")
                .then().statusCode(422).contentType(PROBLEM)
                .body("violations", hasSize(2))
                .body("violations.field", hasItem("text"))
                .body("violations.field", hasItem("channel"));
    }

    @Test
    void anUnknownEnumValueIsA422NamingTheField() {
        as("marketing").body("{\"text\": \"hi\", \"channel\": \"PIGEON\"}").when().post("/api/probe/notes")
                .then().statusCode(422).contentType(PROBLEM)
                .body("violations[0].field", equalTo("channel"))
                .body("violations[0].message", containsString("WEB"));
    }

    @Test
    void textWithANulCharacterIsA422NamingTheField() {
        as("marketing").body("{\"text\": \"hi\\u0000there\", \"channel\": \"WEB\"}").when().post("/api/probe/notes")
                .then().statusCode(422).contentType(PROBLEM)
                .body("violations[0].field", equalTo("text"))
                .body("violations[0].message", containsString("NUL"));
    }

    @Test
    void aMissingBodyIsA422() {
        as("marketing").when().post("/api/probe/notes")
                .then().statusCode(422).contentType(PROBLEM);
    }

    @Test
    void anUnknownIdIsA404Problem() {
        UUID id = UUID.randomUUID();
        as("sales").when().get("/api/probe/notes/" + id)
                .then().statusCode(404).contentType(PROBLEM)
                .body("detail", equalTo("Note " + id + " does not exist"));
    }

    @Test
    void aMalformedIdIsA404Problem() {
        as("sales").when().get("/api/probe/notes/not-a-uuid")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void anUnknownPathIsA404Problem() {
        as("sales").when().get("/api/nothing-here")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aTooLargePageIsA422() {
        as("sales").queryParam("size", 500).when().get("/api/probe/notes")
                .then().statusCode(422).contentType(PROBLEM)
                .body("violations[0].field", equalTo("size"));
    }

    @Test
    void listsArePagedWithDefaults() {
        as("executive").when().get("/api/probe/notes")
                .then().statusCode(200)
                .body("page", equalTo(0)).body("size", equalTo(50)).body("total", equalTo(0));
    }

    @Test
    void noTokenIsA401Problem() {
        given().contentType(ContentType.JSON).when().get("/api/probe/notes")
                .then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", "Bearer");
    }

    @Test
    void aForgedTokenIsA401Problem() {
        given().header("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")
                .when().get("/api/probe/notes")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void theWrongRoleIsA403Problem() {
        as("sales").body("{\"text\": \"hi\", \"channel\": \"WEB\"}").when().post("/api/probe/notes")
                .then().statusCode(403).contentType(PROBLEM).body("title", equalTo("Forbidden"));
    }

    @Test
    void serverErrorsDoNotLeakStackTraces() {
        as("marketing").body("{\"text\": \"hi\", \"channel\": \"WEB\"}").queryParam("fail", "maybe")
                .when().post("/api/probe/notes")
                .then().statusCode(not(500)).body("detail", not(containsString("Exception")));
    }

    @Test
    void aDateOutsideTheYears1970To9999IsA422OnItsField() {
        for (String due : new String[] { "+999999999-12-31", "1969-12-31", "+10000-01-01" }) {
            given().header("Authorization", Tokens.bearer("marketing", "mia")).contentType(ContentType.JSON)
                    .body("{\"text\":\"dated\",\"channel\":\"WEB\",\"due\":\"" + due + "\"}")
                    .when().post("/api/probe/notes")
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("due"))
                    .body("violations[0].message", equalTo("must be between 1970-01-01 and 9999-12-31"));
        }
        given().header("Authorization", Tokens.bearer("marketing", "mia")).contentType(ContentType.JSON)
                .body("{\"text\":\"dated\",\"channel\":\"WEB\",\"due\":\"9999-12-31\"}")
                .when().post("/api/probe/notes").then().statusCode(201);
    }

    @Test
    void jsonTooDeepOrANumberTooLongIsA400NotA500() {
        for (String body : new String[] { "[".repeat(5_000) + "]".repeat(5_000),
                "{\"text\":" + "1".repeat(5_000) + ",\"channel\":\"WEB\"}",
                "{\"text\":\"x\",\"channel\":\"WEB\",\"due\":" + "9".repeat(40) + "}" }) {
            given().header("Authorization", Tokens.bearer("marketing", "mia")).contentType(ContentType.JSON).body(body)
                    .when().post("/api/probe/notes")
                    .then().statusCode(org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThanOrEqualTo(400))
                            .and(org.hamcrest.Matchers.lessThan(500)))
                    .contentType("application/problem+json");
        }
    }

    @Test
    void theOpenApiDocumentNamesARelativeServer() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("servers[0].url", equalTo("/"));
    }

    @Test
    void healthMetricsAndOpenApiNeedNoToken() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/api/probe/notes"));
        given().when().get("/q/health/live").then().statusCode(200).body("checks", not(nullValue()));
    }
}
