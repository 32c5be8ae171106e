package io.smarketing.goals;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smarketing.testing.RealInfrastructure;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class DashboardPageTest {

    @Test
    void theDashboardAndItsAssetsAreServedWithoutATokenOrACdn() {
        given().when().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("dashboard.js")).body(containsString("funnel"))
                .body(org.hamcrest.Matchers.not(containsString("http://")))
                .body(org.hamcrest.Matchers.not(containsString("https://")));
        given().when().get("/dashboard.js").then().statusCode(200).body(containsString("/api/view/stream"));
        given().when().get("/dashboard.css").then().statusCode(200);
    }

    @Test
    void theDashboardIsServedWithSecurityHeaders() {
        for (String path : new String[] { "/", "/index.html", "/dashboard.js", "/dashboard.css" }) {
            given().when().get(path).then().statusCode(200)
                    .header("Content-Security-Policy", containsString("default-src 'self'"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Referrer-Policy", org.hamcrest.Matchers.equalTo("no-referrer"))
                    .header("X-Content-Type-Options", org.hamcrest.Matchers.equalTo("nosniff"));
        }
    }
}
