package io.smarketing.feedback.domain;

public enum RoundStatus {
    OPEN, CLOSED
}
