package io.tandem.domain.experiment.attribution;

/** What attribution made of one follow-up event. */
public enum AttributionOutcome {
    /** Counted at the served position of an impressed item (an impression, or an action on an impressed item). */
    POSITION,
    /** Counted for the request only: an action on an item without an impression (yet), or not served at all. */
    REQUEST,
    /** The event id was counted before. */
    DUPLICATE,
    /** No served list with the quoted request id is known (never served here, or its window has closed). */
    UNKNOWN_REQUEST,
    /** The event came after the attribution window of its request. */
    LATE,
    /** An impression of an item the list did not hold: nothing to attribute. */
    UNSERVED_IMPRESSION,
    /** Not a follow-up: another event type, or no request id quoted. */
    NOT_A_FOLLOW_UP
}
