package io.smarketing.chassis;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smarketing.testing.RealInfrastructure;
import io.smarketing.testing.Tokens;

/** The services' JWT parser is the chassis' caching one, and it still refuses what it should. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class VerifiedTokenParserTest {

    @Inject
    JWTParser parser;

    @Test
    void aTokenSentAgainIsNotVerifiedAgainButAnotherTokenIs() throws ParseException {
        String token = Tokens.token("sales", "sam", Duration.ofHours(1), Tokens.AUDIENCE);
        assertSame(parser.parse(token), parser.parse(token), "the second request reuses the first verification");
        String other = Tokens.token("sales", "sam", Duration.ofHours(1), Tokens.AUDIENCE);
        assertNotSame(parser.parse(token), parser.parse(other));
    }

    @Test
    void aTokenWithAnAlteredSignatureIsRefusedEvenRightAfterTheGenuineOne() {
        String token = Tokens.token("sales", "sam", Duration.ofHours(1), Tokens.AUDIENCE);
        String path = "/api/probe/notes/" + UUID.randomUUID();
        given().header("Authorization", "Bearer " + token).when().get(path).then().statusCode(404);
        char last = token.charAt(token.length() - 2);
        String altered = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        given().header("Authorization", "Bearer " + altered).when().get(path).then().statusCode(401);
    }
}
