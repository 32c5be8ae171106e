package io.smarketing.system;

import static io.smarketing.system.Platform.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The foundation's promise, through the running processes: a lead posted is counted in the shared view. */
class WalkingSkeletonTest {

    @Test
    void aLeadPostedToLeadsServiceIsCountedInTheSharedView() {
        long before = leadsInView();
        String email = "skeleton-" + UUID.randomUUID() + "@example.com";

        long posted = System.nanoTime();
        as("marketing", "alice", Platform.LEADS)
                .body("{\"email\":\"" + email + "\",\"name\":\"Sky Lee\",\"channel\":\"WEB\"}")
                .when().post("/api/leads")
                .then().statusCode(201).body("email", equalTo(email));

        // Other journeys may add leads meanwhile: wait for this one in the activity, then for the count.
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> recentActivity().contains(email) && leadsInView() >= before + 1);
        System.out.printf("Walking skeleton: lead posted to counted in the view in %d ms (polling every 100 ms)%n",
                Duration.ofNanos(System.nanoTime() - posted).toMillis());
    }

    @Test
    void everyServiceIsHealthyAndDocumentsItsApi() {
        for (String service : new String[] { Platform.GOALS, Platform.LEADS, Platform.CAMPAIGNS, Platform.FEEDBACK }) {
            io.restassured.RestAssured.given().baseUri(service).when().get("/q/health/ready").then().statusCode(200);
            io.restassured.RestAssured.given().baseUri(service).when().get("/q/openapi").then().statusCode(200);
        }
    }

    private static String recentActivity() {
        return as("executive", "erin", Platform.GOALS).when().get("/api/view")
                .then().statusCode(200).extract().jsonPath().getList("recent.summary").toString();
    }

    private static long leadsInView() {
        return as("executive", "erin", Platform.GOALS).when().get("/api/view")
                .then().statusCode(200).extract().jsonPath().getLong("funnel.leads");
    }
}
