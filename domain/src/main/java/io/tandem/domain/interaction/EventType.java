package io.tandem.domain.interaction;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of user action Tandem learns from, with their wire names. */
public enum EventType {
    IMPRESSION("impression", FeedbackKind.IMPLICIT),
    CLICK("click", FeedbackKind.IMPLICIT),
    VIEW("view", FeedbackKind.IMPLICIT),
    ADD_TO_CART("add-to-cart", FeedbackKind.IMPLICIT),
    PURCHASE("purchase", FeedbackKind.IMPLICIT),
    SKIP("skip", FeedbackKind.IMPLICIT),
    LIKE("like", FeedbackKind.EXPLICIT),
    DISLIKE("dislike", FeedbackKind.EXPLICIT),
    RATING("rating", FeedbackKind.EXPLICIT),
    HIDE("hide", FeedbackKind.EXPLICIT);

    /** All wire names, comma separated, for error messages. */
    public static final String WIRE_NAMES = Arrays.stream(values())
            .map(EventType::wireName)
            .collect(Collectors.joining(", "));

    private final String wireName;
    private final FeedbackKind feedback;

    EventType(String wireName, FeedbackKind feedback) {
        this.wireName = wireName;
        this.feedback = feedback;
    }

    public String wireName() {
        return wireName;
    }

    public FeedbackKind feedback() {
        return feedback;
    }

    /** True when the user acted on the item (not merely shown it), so it counts as "seen". */
    public boolean isInteraction() {
        return this != IMPRESSION;
    }

    /** Parses a wire name exactly: {@code click}, never {@code CLICK} or {@code " click "} (ADR-0019). */
    public static Optional<EventType> fromWireName(String text) {
        for (EventType type : values()) {
            if (type.wireName.equals(text)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
