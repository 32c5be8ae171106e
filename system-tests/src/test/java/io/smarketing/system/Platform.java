package io.smarketing.system;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smarketing.testing.Tokens;

/** The running platform under test: where each service answers, and requests as a given user. */
final class Platform {

    static final String GOALS = url("goals");
    static final String LEADS = url("leads");
    static final String CAMPAIGNS = url("campaigns");
    static final String FEEDBACK = url("feedback");

    private Platform() {
    }

    /** A JSON request to one service, signed for a user with one role. */
    static RequestSpecification as(String role, String user, String serviceUrl) {
        return given().baseUri(serviceUrl).header("Authorization", Tokens.bearer(role, user))
                .contentType(ContentType.JSON);
    }

    private static String url(String service) {
        return System.getProperty("smarketing." + service + ".url");
    }
}
