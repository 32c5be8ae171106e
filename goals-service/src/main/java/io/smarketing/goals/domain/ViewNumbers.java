package io.smarketing.goals.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** The measured numbers behind the view and behind every goal, for one filter. */
public record ViewNumbers(Funnel funnel, BigDecimal revenue, Sla sla, BigDecimal avgLeadQuality, BigDecimal avgCsat,
        long csatCount, List<ReasonCount> topRejectionReasons, long conflicts, Handoff handoff) {

    /** How many leads reached each stage in the window (by when they reached it). */
    public record Funnel(long leads, long mqls, long sqls, long won, long lost, long rejected) {
    }

    /** Follow-up within the SLA: leads assigned, responses in time, breaches (late or never). */
    public record Sla(long assigned, long met, long breached, BigDecimal complianceRate) {

        public static Sla of(long assigned, long met, long breached) {
            return new Sla(assigned, met, breached, percent(met, met + breached));
        }
    }

    public record ReasonCount(String reason, long count) {
    }

    /**
     * The handoff from marketing to sales: MQLs given their first rep in the window, and how long they had
     * waited since becoming MQLs (median and 90th percentile, seconds; null with none). See {@link HandoffTimes}.
     */
    public record Handoff(long count, Long medianSeconds, Long p90Seconds) {
    }

    /** Conversion between stages; null when nothing reached the earlier stage. */
    public record Rates(BigDecimal mqlRate, BigDecimal mqlToSqlRate, BigDecimal sqlToWonRate, BigDecimal winRate) {
    }

    public Rates rates() {
        return new Rates(ratio(funnel.mqls(), funnel.leads()), ratio(funnel.sqls(), funnel.mqls()),
                ratio(funnel.won(), funnel.sqls()), ratio(funnel.won(), funnel.won() + funnel.lost()));
    }

    static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
