package io.smarketing.goals.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "goals")
public interface GoalsConfig {

    /** How often goal statuses are re-evaluated: time alone can put a goal at risk. */
    @WithDefault("30s")
    Duration evaluationInterval();

    /** The shortest time between two pushes of the live view: bursts of events coalesce into one. */
    @WithDefault("250ms")
    Duration streamCoalesce();

    /** A stream with no change still gets the view this often, so proxies keep the connection open. */
    @WithDefault("25s")
    Duration streamHeartbeat();

    /** How long a stream ticket ({@code POST /api/view/stream-tickets}) may wait to open its stream. */
    @WithDefault("30s")
    Duration streamTicketTtl();

    /** Live view streams one user may hold open at once on one instance (429 beyond). */
    @WithDefault("10")
    int streamMaxPerUser();

    /** How many activity rows the view keeps. */
    @WithDefault("200")
    int activityKept();

    /** Where the dashboard's pages reach the other services' APIs. */
    Dashboard dashboard();

    /**
     * Each service's base URL as the browser reaches it ({@code http://127.0.0.1:8082}); unset means the
     * dashboard's own origin, for an ingress that routes {@code /api/leads}, {@code /api/campaigns} and
     * {@code /api/feedback} on the dashboard's host. The page's Content-Security-Policy admits exactly these.
     */
    interface Dashboard {

        Optional<String> leadsApi();

        Optional<String> campaignsApi();

        Optional<String> feedbackApi();
    }
}
