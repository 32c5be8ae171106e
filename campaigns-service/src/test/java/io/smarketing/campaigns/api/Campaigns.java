package io.smarketing.campaigns.api;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smarketing.testing.Tokens;

/** Requests to campaigns-service as a given role, and campaign bodies to send. */
final class Campaigns {

    private Campaigns() {
    }

    static RequestSpecification as(String role, String user) {
        return given().header("Authorization", Tokens.bearer(role, user)).contentType(ContentType.JSON);
    }

    static RequestSpecification asMarketing() {
        return as("marketing", "mia");
    }

    /** A valid plan; put or remove entries to break one rule at a time. */
    static Map<String, Object> plan(String name) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("name", name);
        plan.put("channel", "EVENT");
        plan.put("budget", 500000);
        plan.put("startDate", LocalDate.of(2026, 4, 1).toString());
        plan.put("endDate", LocalDate.of(2026, 4, 30).toString());
        plan.put("keyMessage", "Close the books in a day");
        plan.put("audience", "CFOs of mid-size firms");
        plan.put("marketingOwner", "mia");
        plan.put("salesLiaison", "sam");
        return plan;
    }

    static UUID create(String name) {
        return UUID.fromString(asMarketing().body(plan(name)).when().post("/api/campaigns")
                .then().statusCode(201).extract().path("id"));
    }

    static UUID launched(String name) {
        UUID id = create(name);
        asMarketing().when().post("/api/campaigns/" + id + "/launch").then().statusCode(200);
        return id;
    }

    static void spend(UUID id, Object amount) {
        asMarketing().body(Map.of("amount", amount)).when().post("/api/campaigns/" + id + "/spend")
                .then().statusCode(200);
    }
}
