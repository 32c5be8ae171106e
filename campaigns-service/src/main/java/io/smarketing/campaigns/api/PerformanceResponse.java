package io.smarketing.campaigns.api;

import java.math.BigDecimal;
import java.util.UUID;

import io.smarketing.campaigns.domain.AttributionModel;
import io.smarketing.campaigns.domain.Performance;

/** {@code GET /api/campaigns/{id}/performance}: the funnel, the money and the ratios (null over zero). */
public record PerformanceResponse(UUID campaignId, AttributionModel model, String currency, long leads, long mqls,
        long sqls, long won, long lost, long rejected, BigDecimal revenue, BigDecimal spend, BigDecimal costPerLead,
        BigDecimal roi, BigDecimal mqlToSqlRate, BigDecimal sqlToWonRate) {

    static PerformanceResponse of(UUID campaignId, AttributionModel model, String currency, Performance p) {
        var funnel = p.funnel();
        return new PerformanceResponse(campaignId, model, currency, funnel.leads(), funnel.mqls(), funnel.sqls(),
                funnel.won(), funnel.lost(), funnel.rejected(), p.revenue(), p.spend(), p.costPerLead(), p.roi(),
                p.mqlToSqlRate(), p.sqlToWonRate());
    }
}
