package io.smarketing.goals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.smarketing.events.ActivityKind;
import io.smarketing.events.CampaignStatus;
import io.smarketing.events.Channel;
import io.smarketing.events.EventCatalog;
import io.smarketing.events.GoalMetric;
import io.smarketing.events.LeadStage;
import io.smarketing.events.LossReason;
import io.smarketing.events.RejectionReason;
import io.smarketing.events.Team;
import io.smarketing.events.Topics;

/**
 * Every event the recent activity can show, and every value of the contract a page shows as a word, has a label
 * in both of the dashboard's languages: a new event type or enum value must not reach a Japanese page as
 * {@code lead.scored} or {@code EMAIL_OPENED}.
 */
class DashboardLabelsTest {

    private static final int LANGUAGES = 2;

    @Test
    void everyEventOfTheRecentActivityHasALabelInEachLanguage() throws IOException {
        String dashboard = resource("dashboard.js");
        List<String> missing = new ArrayList<>();
        EventCatalog.ALL.stream()
                .filter(type -> !type.topic().equals(Topics.GOALS)) // goals-service's own events are not activity
                .map(type -> type.ceType().replaceFirst("^io\\.smarketing\\.", "").replaceFirst("\\.v1$", ""))
                .filter(kind -> occurrences(dashboard, "'" + kind + "':") != LANGUAGES)
                .forEach(missing::add);
        assertEquals(List.of(), missing, "event types without a label in dashboard.js's EVENT_LABELS (en and ja)");
    }

    @Test
    void everyWordOfTheContractHasALabelInEachLanguage() throws IOException {
        String core = resource("core.js");
        List<String> missing = new ArrayList<>();
        Stream.of(ActivityKind.values(), RejectionReason.values(), LossReason.values(), Channel.values(), Team.values(),
                LeadStage.values(), CampaignStatus.values(), GoalMetric.values())
                .flatMap(Stream::of).map(Enum::name).distinct()
                .filter(name -> occurrences(core, name + ":") < LANGUAGES)
                .forEach(missing::add);
        assertEquals(List.of(), missing, "values without a label in core.js (en and ja)");
    }

    private static int occurrences(String text, String label) {
        return (int) Pattern.compile("(?<![A-Za-z_.'-])" + Pattern.quote(label)).matcher(text).results().count();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DashboardLabelsTest.class.getResourceAsStream("/META-INF/resources/" + name)) {
            if (in == null) {
                throw new AssertionError(name + " is not among goals-service's resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
