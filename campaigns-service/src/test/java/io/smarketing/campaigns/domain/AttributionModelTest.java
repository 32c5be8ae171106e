package io.smarketing.campaigns.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.smarketing.events.Money;

class AttributionModelTest {

    private static final Money JPY = Money.of("JPY");
    private static final Money USD = Money.of("USD");
    private static final Instant WON_AT = Instant.parse("2026-05-20T10:00:00Z");

    private final UUID source = UUID.randomUUID();
    private final UUID webinar = UUID.randomUUID();
    private final UUID retargeting = UUID.randomUUID();

    private static Touch touch(UUID campaign, int daysBeforeWin) {
        return new Touch(UUID.randomUUID(), campaign, WON_AT.minus(Duration.ofDays(daysBeforeWin)));
    }

    private WonLead won(String amount, UUID sourceCampaign, Touch... touches) {
        return new WonLead(UUID.randomUUID(), sourceCampaign, new BigDecimal(amount), WON_AT, List.of(touches));
    }

    /** Source campaign, then touched by the webinar (twice) and by retargeting: three campaigns in all. */
    private WonLead touchedByThreeCampaigns(String amount) {
        return won(amount, source, touch(retargeting, 2), touch(webinar, 10), touch(webinar, 5));
    }

    @Test
    void firstTouchCreditsTheSourceCampaignWithEverything() {
        assertEquals(Map.of(source, new BigDecimal("900000")),
                AttributionModel.FIRST.credit(touchedByThreeCampaigns("900000"), JPY));
    }

    @Test
    void lastTouchCreditsTheCampaignThatTouchedLastBeforeTheWin() {
        assertEquals(Map.of(retargeting, new BigDecimal("900000")),
                AttributionModel.LAST.credit(touchedByThreeCampaigns("900000"), JPY));
    }

    @Test
    void linearSplitsOverTheThreeCampaignsCountingTheTwiceTouchedOneOnce() {
        assertEquals(Map.of(source, new BigDecimal("300000"), webinar, new BigDecimal("300000"),
                retargeting, new BigDecimal("300000")),
                AttributionModel.LINEAR.credit(touchedByThreeCampaigns("900000"), JPY));
    }

    @Test
    void linearGivesLeftoverYenToTheSourceThenToTheEarliestToucher() {
        // 100 000 / 3 = 33 333 r 1; 100 001 / 3 = 33 333 r 2: the source and the webinar (first touch) take them.
        assertEquals(Map.of(source, new BigDecimal("33334"), webinar, new BigDecimal("33333"),
                retargeting, new BigDecimal("33333")), AttributionModel.LINEAR.credit(touchedByThreeCampaigns("100000"), JPY));
        assertEquals(Map.of(source, new BigDecimal("33334"), webinar, new BigDecimal("33334"),
                retargeting, new BigDecimal("33333")), AttributionModel.LINEAR.credit(touchedByThreeCampaigns("100001"), JPY));
    }

    @Test
    void linearSplitsCentsSoThePartsSumToTheWhole() {
        Map<UUID, BigDecimal> credit = AttributionModel.LINEAR.credit(touchedByThreeCampaigns("1000.00"), USD);
        assertEquals(new BigDecimal("333.34"), credit.get(source));
        assertEquals(new BigDecimal("333.33"), credit.get(webinar));
        assertEquals(new BigDecimal("333.33"), credit.get(retargeting));
        assertEquals(new BigDecimal("1000.00"), credit.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @ParameterizedTest
    @EnumSource(AttributionModel.class)
    void aLeadWonWithoutAnyTouchCreditsItsSourceInEveryModel(AttributionModel model) {
        assertEquals(Map.of(source, new BigDecimal("250000")), model.credit(won("250000", source), JPY));
    }

    @ParameterizedTest
    @EnumSource(AttributionModel.class)
    void touchesAfterTheWinDoNotCount(AttributionModel model) {
        Touch afterWin = new Touch(UUID.randomUUID(), webinar, WON_AT.plusSeconds(60));
        Touch atTheWin = new Touch(UUID.randomUUID(), retargeting, WON_AT);
        assertEquals(Map.of(source, new BigDecimal("5000")), model.credit(won("5000", source, afterWin, atTheWin), JPY));
    }

    @Test
    void aLeadWithoutASourceIsCreditedOnlyToTheCampaignsThatTouchedIt() {
        WonLead lead = won("90000", null, touch(webinar, 3), touch(retargeting, 1));
        assertTrue(AttributionModel.FIRST.credit(lead, JPY).isEmpty());
        assertEquals(Map.of(retargeting, new BigDecimal("90000")), AttributionModel.LAST.credit(lead, JPY));
        assertEquals(Map.of(webinar, new BigDecimal("45000"), retargeting, new BigDecimal("45000")),
                AttributionModel.LINEAR.credit(lead, JPY));
    }

    @Test
    void aLeadWithNeitherSourceNorTouchIsCreditedToNoOne() {
        for (AttributionModel model : AttributionModel.values()) {
            assertTrue(model.credit(won("1000", null), JPY).isEmpty(), model.name());
        }
    }

    @Test
    void aTouchBySourceCampaignItselfDoesNotCountItTwice() {
        WonLead lead = won("1000", source, touch(source, 4), touch(webinar, 2));
        assertEquals(Map.of(source, new BigDecimal("500"), webinar, new BigDecimal("500")),
                AttributionModel.LINEAR.credit(lead, JPY));
    }

    @Test
    void lastTouchTiesAtTheSameInstantAreBrokenTheSameWayOnEveryRead() {
        Instant same = WON_AT.minusSeconds(3600);
        Touch a = new Touch(UUID.fromString("00000000-0000-0000-0000-000000000001"), webinar, same);
        Touch b = new Touch(UUID.fromString("00000000-0000-0000-0000-000000000002"), retargeting, same);
        assertEquals(Map.of(retargeting, new BigDecimal("10")), AttributionModel.LAST.credit(won("10", source, b, a), JPY));
        assertEquals(Map.of(retargeting, new BigDecimal("10")), AttributionModel.LAST.credit(won("10", source, a, b), JPY));
    }

    @Test
    void anAmountWithMoreDecimalsThanTheCurrencyIsRoundedHalfEven() {
        assertEquals(Map.of(source, new BigDecimal("1000")), AttributionModel.FIRST.credit(won("1000.5", source), JPY));
        assertEquals(Map.of(source, new BigDecimal("1002")), AttributionModel.FIRST.credit(won("1001.5", source), JPY));
    }

    /** Every deal here has a source, so every model credits all of it (a source-less deal is covered above). */
    @ParameterizedTest
    @EnumSource(AttributionModel.class)
    void campaignRevenuesAddUpToTheRevenueWonInEveryModel(AttributionModel model) {
        List<WonLead> deals = List.of(touchedByThreeCampaigns("100000"), touchedByThreeCampaigns("77777"),
                won("5", source, touch(webinar, 1)), won("123457", webinar), won("1", retargeting, touch(source, 1)));
        BigDecimal total = model.revenue(deals, JPY).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(new BigDecimal("301240"), total);
        assertEquals(model.revenue(deals, JPY).getOrDefault(webinar, BigDecimal.ZERO),
                model.revenueOf(webinar, deals, JPY));
    }

    @Test
    void aCampaignNoDealCreditsHasZeroRevenue() {
        assertEquals(new BigDecimal("0"), AttributionModel.LINEAR.revenueOf(UUID.randomUUID(),
                List.of(touchedByThreeCampaigns("100")), JPY));
    }
}
