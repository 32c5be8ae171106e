package io.smarketing.events;

import io.smarketing.events.FeedbackRoundClosed.ReasonCount;
import io.smarketing.events.FeedbackRoundClosed.RoundSummary;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/**
 * One realistic sample of every event type, with every {@link Nullable} field set. The variant with
 * those fields null is derived ({@link #withNullsCleared}), so both shapes are tested without writing
 * each event twice.
 */
final class EventSamples {

    static final Instant AT = Instant.parse("2026-11-26T09:15:30.123456Z");
    static final UUID LEAD = UUID.fromString("5b0c6a52-3f9e-4c1d-9a7e-2f4b8d1c0e11");
    static final UUID CAMPAIGN = UUID.fromString("0f8d2c4e-7a1b-4e3f-8c5d-6b9a0e1f2a33");
    static final UUID OTHER_CAMPAIGN = UUID.fromString("9e3a7b1c-2d4f-4a6b-8c0d-1e2f3a4b5c66");
    static final UUID GOAL = UUID.fromString("c7e1a9b3-5d2f-4b8c-9e0a-3f6d1c8b2a44");
    static final UUID ROUND = UUID.fromString("2a4c6e8f-1b3d-4f5a-8b7c-9d0e1f2a3b55");
    static final UUID ENTRY = UUID.fromString("7d9f1b3c-5e7a-4c2d-8f4b-6a8c0e2d4f77");
    static final UUID TOUCH = UUID.fromString("4e6a8c0d-2f4b-4d6e-9a1c-3e5f7a9b1d88");
    static final UUID CSAT = UUID.fromString("8b0d2f4a-6c8e-4a1b-9d3f-5b7d9f1a3c99");

    private static final String MARKETER = "mika.sato";
    private static final String REP = "kenji.ito";
    private static final String EXEC = "yui.kobayashi";

    static final List<SmarketingEvent> ALL = List.of(
            new LeadCreated(LEAD, CAMPAIGN, LeadStage.MQL, "aiko.tanaka@example.co.jp", "Aiko Tanaka",
                    "Tanaka Trading KK", Channel.WEB, 72, MARKETER, AT),
            new LeadQualified(LEAD, CAMPAIGN, LeadStage.MQL, 64, MARKETER, AT),
            new LeadAssigned(LEAD, CAMPAIGN, LeadStage.MQL, REP, AT.plusSeconds(24 * 3600), "router", AT,
                    UUID.fromString("5d6e7f80-9a1b-4c2d-8e3f-405162738495"), AT.minusSeconds(4)),
            new LeadAccepted(LEAD, CAMPAIGN, LeadStage.SQL, REP, AT, true, REP, AT),
            new LeadRejected(LEAD, CAMPAIGN, LeadStage.REJECTED, RejectionReason.NO_BUDGET,
                    "Budget frozen until April", AT, false, REP, AT),
            new LeadTouched(LEAD, CAMPAIGN, LeadStage.SQL, TOUCH, Team.MARKETING, Channel.EMAIL,
                    "Your invitation to the spring launch", "spring-launch-2027", OTHER_CAMPAIGN,
                    "MARKETING touch on a lead sales has accepted", MARKETER, AT),
            new LeadWon(LEAD, CAMPAIGN, LeadStage.WON, new BigDecimal("1250000.50"), "JPY", REP, AT),
            new LeadLost(LEAD, CAMPAIGN, LeadStage.LOST, LossReason.COMPETITOR, "Chose a local vendor", REP, AT),
            new LeadSlaBreached(LEAD, CAMPAIGN, LeadStage.MQL, REP, AT.minusSeconds(60), "system", AT),
            new LeadScored(LEAD, CAMPAIGN, LeadStage.NEW, 52, 44, 40, 12, ActivityKind.CONTENT_DOWNLOADED,
                    "hubspot-evt-88213", AT.minusSeconds(300), 8, "marketing-automation", AT),

            new CampaignPlanned(CAMPAIGN, "Spring launch 2027", Channel.EVENT, new BigDecimal("3000000"), "JPY",
                    GOAL, "Close your books in a day", "CFOs of mid-size manufacturers",
                    LocalDate.of(2027, 3, 1), LocalDate.of(2027, 4, 30), MARKETER, REP, MARKETER, AT),
            new CampaignUpdated(CAMPAIGN, "Spring launch 2027", Channel.EVENT, new BigDecimal("3500000"), "JPY",
                    GOAL, "Close your books in a day", "CFOs and controllers",
                    LocalDate.of(2027, 3, 1), LocalDate.of(2027, 5, 15), MARKETER, REP, MARKETER, AT),
            new CampaignLaunched(CAMPAIGN, CampaignStatus.ACTIVE, MARKETER, AT),
            new CampaignCompleted(CAMPAIGN, CampaignStatus.COMPLETED, MARKETER, AT),
            new CampaignCancelled(CAMPAIGN, CampaignStatus.CANCELLED, MARKETER, AT),
            new CampaignSpendRecorded(CAMPAIGN, new BigDecimal("450000"), new BigDecimal("1200000"), "JPY",
                    "Venue deposit", MARKETER, AT),

            new FeedbackRoundOpened(ROUND, CAMPAIGN, "system", AT),
            new FeedbackSubmitted(ROUND, CAMPAIGN, ENTRY, Team.SALES, REP, 4, "Good fit, budgets were thin",
                    List.of("Qualify budget on the form"), false, AT),
            new FeedbackCsatRecorded(CSAT, LEAD, CAMPAIGN, 5, "Quick and clear answers", REP, AT),
            new FeedbackRoundClosed(ROUND, CAMPAIGN, new RoundSummary(3.5,
                    Map.of(Team.MARKETING, 2, Team.SALES, 3),
                    List.of(new ReasonCount("NO_BUDGET", 4), new ReasonCount("NOT_READY", 2)),
                    List.of(new ReasonCount("COMPETITOR", 1)),
                    4.2, 5, List.of("Qualify budget on the form", "Shorter follow-up sequence")), MARKETER, AT),

            new GoalSet(GOAL, "FY27 H1 new revenue", GoalMetric.REVENUE, new BigDecimal("50000000"),
                    LocalDate.of(2027, 4, 1), LocalDate.of(2027, 9, 30), List.of(REP), List.of(MARKETER),
                    CAMPAIGN, EXEC, AT),
            new GoalRevised(GOAL, "FY27 H1 new revenue", GoalMetric.REVENUE, new BigDecimal("55000000"),
                    LocalDate.of(2027, 4, 1), LocalDate.of(2027, 9, 30), List.of(REP, "emi.kato"),
                    List.of(MARKETER), CAMPAIGN, EXEC, AT),
            new GoalAchieved(GOAL, CAMPAIGN, GoalMetric.REVENUE, new BigDecimal("55200000"),
                    new BigDecimal("55000000"), new BigDecimal("61000000"), GoalStatus.ACHIEVED, AT),
            new GoalAtRisk(GOAL, CAMPAIGN, GoalMetric.REVENUE, new BigDecimal("12000000"),
                    new BigDecimal("55000000"), new BigDecimal("38500000.75"), GoalStatus.AT_RISK, AT));

    private EventSamples() {
    }

    /**
     * Every sample and, for types with nullable fields, the same sample with them null; named by
     * ce_type for parameterized tests.
     */
    static Stream<Named<SmarketingEvent>> withAndWithoutNulls() {
        return ALL.stream().flatMap(sample -> {
            String ceType = EventCatalog.of(sample.getClass()).ceType();
            SmarketingEvent cleared = withNullsCleared(sample);
            return cleared.equals(sample)
                    ? Stream.of(Named.of(ceType, sample))
                    : Stream.of(Named.of(ceType, sample), Named.of(ceType + " with nullable fields null", cleared));
        });
    }

    static List<SmarketingEvent> of(EventType<?> type) {
        return ALL.stream().filter(type.javaType()::isInstance).toList();
    }

    /** A copy of the record with every {@link Nullable} field null, in nested records too. */
    @SuppressWarnings("unchecked")
    static <T> T withNullsCleared(T record) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = Arrays.stream(components)
                .map(component -> component.isAnnotationPresent(Nullable.class) ? null : valueOf(component, record))
                .map(value -> value instanceof Record nested ? withNullsCleared(nested) : value)
                .toArray();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            return (T) record.getClass().getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static Object valueOf(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
