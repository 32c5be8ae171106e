package io.smarketing.feedback.config;

import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "feedback")
public interface FeedbackConfig {

    /** How many rejection reasons and how many loss reasons a round summary lists, most frequent first. */
    @WithDefault("3")
    @Min(1)
    int topReasons();
}
