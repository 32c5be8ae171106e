package io.smarketing.goals.domain;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The trend of a window ({@code GET /api/view/series}): per UTC day or ISO week (Monday to Sunday), leads,
 * MQLs, SQLs, deals won, revenue and SLA compliance, counted like the view's numbers. Every bucket from the
 * one holding {@code from} to the one holding the end of the window is listed, quiet ones with zeros; the
 * first and last count only the part of them inside the window.
 */
public record ViewSeries(Bucket bucket, Instant from, Instant to, UUID campaignId, List<Point> points) {

    /** Most buckets one request may ask for: a year of days. */
    public static final int MAX_BUCKETS = 366;

    public enum Bucket {
        DAY, WEEK;

        public LocalDate startOf(LocalDate day) {
            return this == DAY ? day : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }

        LocalDate next(LocalDate start) {
            return this == DAY ? start.plusDays(1) : start.plusWeeks(1);
        }

        /** How many buckets the window [from, to) touches. */
        public long count(Instant from, Instant to) {
            LocalDate first = startOf(LocalDate.ofInstant(from, ZoneOffset.UTC));
            LocalDate last = startOf(LocalDate.ofInstant(to.minusNanos(1), ZoneOffset.UTC));
            return (this == DAY ? ChronoUnit.DAYS : ChronoUnit.WEEKS).between(first, last) + 1;
        }
    }

    /** What one day or bucket counts; SLA compliance is made from its met and breached follow-ups. */
    public record Numbers(long leads, long mqls, long sqls, long won, BigDecimal revenue, long slaMet,
            long slaBreached) {

        static final Numbers NONE = new Numbers(0, 0, 0, 0, BigDecimal.ZERO.setScale(2), 0, 0);

        Numbers plus(Numbers other) {
            return new Numbers(leads + other.leads, mqls + other.mqls, sqls + other.sqls, won + other.won,
                    revenue.add(other.revenue), slaMet + other.slaMet, slaBreached + other.slaBreached);
        }
    }

    /** One bucket, named by its first day; {@code slaCompliance} is null when no follow-up was due in it. */
    public record Point(LocalDate start, long leads, long mqls, long sqls, long won, BigDecimal revenue,
            BigDecimal slaCompliance) {
    }

    /** The series of the window from its numbers per day (days without numbers may be left out). */
    public static ViewSeries of(Bucket bucket, Instant from, Instant to, UUID campaignId,
            Map<LocalDate, Numbers> daily) {
        Map<LocalDate, Numbers> buckets = new TreeMap<>();
        LocalDate last = bucket.startOf(LocalDate.ofInstant(to.minusNanos(1), ZoneOffset.UTC));
        for (LocalDate start = bucket.startOf(LocalDate.ofInstant(from, ZoneOffset.UTC)); !start.isAfter(last);
                start = bucket.next(start)) {
            buckets.put(start, Numbers.NONE);
        }
        daily.forEach((day, numbers) -> buckets.merge(bucket.startOf(day), numbers, Numbers::plus));
        List<Point> points = new ArrayList<>();
        buckets.forEach((start, n) -> points.add(new Point(start, n.leads(), n.mqls(), n.sqls(), n.won(),
                n.revenue(), ViewNumbers.Sla.of(0, n.slaMet(), n.slaBreached()).complianceRate())));
        return new ViewSeries(bucket, from, to, campaignId, points);
    }
}
