package io.smarketing.campaigns.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.smarketing.events.Money;

/** The worked example of the README, so the numbers there stay true. */
class WorkedExampleTest {

    private static final Money JPY = Money.of("JPY");
    private static final Instant DAY_ZERO = Instant.parse("2026-04-01T00:00:00Z");

    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();
    private static final UUID C = UUID.randomUUID();
    private static final UUID D = UUID.randomUUID();
    private static final List<UUID> CAMPAIGNS = List.of(A, B, C, D);
    private static final List<String> SPEND = List.of("600000", "100000", "300000", "0");

    private static Instant day(int n) {
        return DAY_ZERO.plus(Duration.ofDays(n));
    }

    private static Touch touch(UUID campaign, int day) {
        return new Touch(UUID.randomUUID(), campaign, day(day));
    }

    private static final List<WonLead> DEALS = List.of(
            new WonLead(UUID.randomUUID(), A, new BigDecimal("1000000"), day(10),
                    List.of(touch(B, 3), touch(C, 5), touch(B, 6), touch(D, 12))),
            new WonLead(UUID.randomUUID(), A, new BigDecimal("500000"), day(8), List.of()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "FIRST  | 1500000, 0, 0, 0            | 1.5000, -1.0000, -1.0000",
            "LAST   | 500000, 1000000, 0, 0       | -0.1667, 9.0000, -1.0000",
            "LINEAR | 833334, 333333, 333333, 0   | 0.3889, 2.3333, 0.1111" })
    void theReadmeTableHolds(AttributionModel model, String revenues, String rois) {
        List<String> expectedRevenue = Arrays.stream(revenues.split(",")).map(String::strip).toList();
        List<String> expectedRoi = Arrays.stream(rois.split(",")).map(String::strip).toList();
        var revenue = model.revenue(DEALS, JPY);
        for (int i = 0; i < CAMPAIGNS.size(); i++) {
            BigDecimal credited = revenue.getOrDefault(CAMPAIGNS.get(i), JPY.zero());
            assertEquals(new BigDecimal(expectedRevenue.get(i)), credited, "revenue of campaign " + "ABCD".charAt(i));
            Performance performance = Performance.of(new FunnelCounts(i == 0 ? 2 : 0, 0, 0, 0, 0, 0), credited,
                    new BigDecimal(SPEND.get(i)), JPY);
            if (i < 3) {
                assertEquals(new BigDecimal(expectedRoi.get(i)), performance.roi(), "ROI of campaign " + "ABC".charAt(i));
            } else {
                assertNull(performance.roi(), "D spent nothing");
            }
        }
        assertEquals(new BigDecimal("1500000"), revenue.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }
}
