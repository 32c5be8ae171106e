package io.smarketing.campaigns.domain;

import static io.smarketing.events.CampaignStatus.ACTIVE;
import static io.smarketing.events.CampaignStatus.CANCELLED;
import static io.smarketing.events.CampaignStatus.COMPLETED;
import static io.smarketing.events.CampaignStatus.DRAFT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.smarketing.chassis.problem.ProblemException;
import io.smarketing.events.CampaignStatus;

class CampaignActionTest {

    /** The whole lifecycle: (action, from) → to; every pair not listed is forbidden. */
    private static final Map<CampaignAction, Map<CampaignStatus, CampaignStatus>> ALLOWED = Map.of(
            CampaignAction.LAUNCH, Map.of(DRAFT, ACTIVE),
            CampaignAction.COMPLETE, Map.of(ACTIVE, COMPLETED),
            CampaignAction.CANCEL, Map.of(DRAFT, CANCELLED, ACTIVE, CANCELLED),
            CampaignAction.REVISE, Map.of(DRAFT, DRAFT, ACTIVE, ACTIVE),
            CampaignAction.RECORD_SPEND, Map.of(ACTIVE, ACTIVE));

    static Stream<Arguments> everyActionFromEveryStatus() {
        return Stream.of(CampaignAction.values())
                .flatMap(action -> Stream.of(CampaignStatus.values()).map(status -> Arguments.of(action, status)));
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("everyActionFromEveryStatus")
    void eachActionIsAllowedExactlyWhereTheLifecycleSays(CampaignAction action, CampaignStatus from) {
        CampaignStatus expected = ALLOWED.get(action).get(from);
        if (expected != null) {
            assertEquals(expected, action.apply(from));
        } else {
            ProblemException conflict = assertThrows(ProblemException.class, () -> action.apply(from));
            assertEquals(409, conflict.status());
        }
    }

    @Test
    void finishedCampaignsAllowNothing() {
        for (CampaignAction action : CampaignAction.values()) {
            assertFalse(action.allowedFrom(COMPLETED), action + " from COMPLETED");
            assertFalse(action.allowedFrom(CANCELLED), action + " from CANCELLED");
        }
    }

    @Test
    void aForbiddenTransitionSaysWhatWouldHaveBeenAllowed() {
        ProblemException conflict = assertThrows(ProblemException.class, () -> CampaignAction.COMPLETE.apply(DRAFT));
        assertEquals("Cannot complete a DRAFT campaign (allowed when ACTIVE)", conflict.getMessage());
    }
}
