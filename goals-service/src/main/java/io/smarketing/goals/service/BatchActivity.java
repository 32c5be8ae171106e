package io.smarketing.goals.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.smarketing.chassis.messaging.IncomingEvent;
import io.smarketing.goals.domain.ActivityText;

/**
 * The activity rows of a consumer batch worth writing. The list keeps only its newest rows ({@code
 * goals.activity-kept}; the trim in {@link ViewService} deletes the rest), and an event with that many newer
 * events in its own batch can never be among them: its row would be written only to be deleted. A rebuild
 * replaying a year of events would otherwise write, and then delete, a row for each one.
 */
final class BatchActivity {

    /**
     * PostgreSQL keeps times to the microsecond, rounded: two events less than that apart may come in either order
     * there, so both are kept.
     */
    private static final long SAME_TIME_NANOS = 1_000;

    record Row(IncomingEvent event, ActivityText text) {
    }

    private BatchActivity() {
    }

    /**
     * The rows to write, newest first: every event with text, but those behind {@code kept} newer ones. The batch's
     * ids are distinct: the inbox hands a consumer one copy of each event.
     */
    static List<Row> newest(List<IncomingEvent> batch, int kept) {
        if (kept <= 0) {
            return List.of();
        }
        List<IncomingEvent> newestFirst = new ArrayList<>(batch);
        newestFirst.sort(Comparator.comparing((IncomingEvent incoming) -> incoming.data().occurredAt()).reversed());
        List<Row> rows = new ArrayList<>();
        Instant last = null; // the time of the kept-th newest row, once there is one
        for (IncomingEvent incoming : newestFirst) {
            Instant at = incoming.data().occurredAt();
            if (last != null && at.plusNanos(SAME_TIME_NANOS).isBefore(last)) {
                break;
            }
            Optional<ActivityText> text = ActivityText.of(incoming.data());
            if (text.isEmpty()) {
                continue;
            }
            rows.add(new Row(incoming, text.get()));
            if (rows.size() == kept) {
                last = at;
            }
        }
        return rows;
    }
}
