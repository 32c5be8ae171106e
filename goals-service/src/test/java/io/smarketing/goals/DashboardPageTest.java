package io.smarketing.goals;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smarketing.testing.RealInfrastructure;
import io.smarketing.testing.Tokens;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class DashboardPageTest {

    private static final String[] ASSETS = { "/dashboard.css", "/core.js", "/dashboard.js", "/trend.js", "/my-leads.js",
            "/my-campaigns.js", "/favicon.svg" };

    @Test
    void theDashboardAndItsAssetsAreServedWithoutATokenOrACdn() {
        given().when().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("dashboard.js")).body(containsString("funnel"))
                .body(containsString("rel=\"icon\" href=\"favicon.svg\""))
                .body(not(containsString("http://"))).body(not(containsString("https://")));
        given().when().get("/dashboard.js").then().statusCode(200).body(containsString("/api/view/stream"));
        for (String asset : ASSETS) {
            given().when().get(asset).then().statusCode(200).body(not(containsString("https://")));
        }
    }

    @Test
    void theDashboardIsServedWithSecurityHeaders() {
        given().when().get("/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", containsString("connect-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
        for (String path : new String[] { "/", "/index.html", ASSETS[0], ASSETS[1], ASSETS[6] }) {
            given().when().get(path).then().statusCode(200)
                    .header("Content-Security-Policy", containsString("default-src 'self'"))
                    .header("Referrer-Policy", equalTo("no-referrer"))
                    .header("X-Content-Type-Options", equalTo("nosniff"));
        }
    }

    @Test
    void theDashboardLearnsWhoSignedInAndWhereTheApisAreFromTheVerifiedToken() {
        given().header("Authorization", Tokens.bearer("sales", "sam")).when().get("/api/dashboard")
                .then().statusCode(200).body("user", equalTo("sam")).body("roles", contains("sales"))
                .body("apis.leads", equalTo("")).body("apis.campaigns", equalTo("")).body("apis.feedback", equalTo(""));
        given().when().get("/api/dashboard").then().statusCode(401);
    }
}
