package io.tandem.domain.interaction;

/** Whether the user told us what they think (explicit) or we infer it from behaviour (implicit). */
public enum FeedbackKind {
    EXPLICIT,
    IMPLICIT
}
