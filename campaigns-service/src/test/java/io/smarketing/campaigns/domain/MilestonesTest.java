package io.smarketing.campaigns.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.smarketing.events.LeadStage;

class MilestonesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "NEW,      false, false, false, false, false",
            "MQL,      true,  false, false, false, false",
            "REJECTED, true,  false, false, false, true",
            "SQL,      true,  true,  false, false, false",
            "WON,      true,  true,  true,  false, false",
            "LOST,     true,  true,  false, true,  false" })
    void aStageProvesTheMilestonesOnTheWayToIt(LeadStage stage, boolean mql, boolean sql, boolean won, boolean lost,
            boolean rejected) {
        assertEquals(new Milestones(mql, sql, won, lost, rejected), Milestones.provenBy(stage));
    }
}
