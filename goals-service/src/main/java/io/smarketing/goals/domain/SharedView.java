package io.smarketing.goals.domain;

import java.time.Instant;

/** The one picture both teams see; it grows with each issue that projects another topic. */
public record SharedView(Funnel funnel, Instant lastEventAt) {
}
