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
}
