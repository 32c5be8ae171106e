package io.smarketing.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smarketing.testing.Tokens;

/** The running platform under test ({@link PlatformUnderTest}): where each service answers, and requests as a given user. */
final class Platform {

    static final String GOALS = url(io.smarketing.platform.Platform.GOALS.name());
    static final String LEADS = url(io.smarketing.platform.Platform.LEADS.name());
    static final String CAMPAIGNS = url(io.smarketing.platform.Platform.CAMPAIGNS.name());
    static final String FEEDBACK = url(io.smarketing.platform.Platform.FEEDBACK.name());
    /** The second leads-service instance that ./smarketing test starts, for the two-replica tests. */
    static final String LEADS_REPLICA = url(io.smarketing.platform.Platform.LEADS.replicaName());

    private Platform() {
    }

    /** A JSON request to one service, signed for a user with one role. */
    static RequestSpecification as(String role, String user, String serviceUrl) {
        return given().baseUri(serviceUrl).header("Authorization", Tokens.bearer(role, user))
                .contentType(ContentType.JSON);
    }

    /**
     * Captures a lead as a marketer. leads-service answers 422 for a campaign it has not replicated from
     * smarketing.campaigns.v1 yet, so a lead of a campaign just launched is retried until that changes.
     */
    static Response captureLead(String marketer, Object body) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> as("marketing", marketer, LEADS).body(body).when().post("/api/leads"),
                        response -> response.statusCode() != 422);
    }

    /** The feedback round feedback-service opens by itself once it has consumed the campaign's completion. */
    static String awaitFeedbackRound(String campaignId) {
        AtomicReference<String> roundId = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            List<String> ids = as("executive", "erin", FEEDBACK).queryParam("campaignId", campaignId)
                    .when().get("/api/feedback/rounds")
                    .then().statusCode(200).extract().jsonPath().getList("items.id");
            ids.stream().findFirst().ifPresent(roundId::set);
            return roundId.get() != null;
        });
        return roundId.get();
    }

    private static String url(String instance) {
        return PlatformUnderTest.ADDRESSES.instances().containsKey(instance) ? PlatformUnderTest.ADDRESSES.url(instance) : null;
    }
}
