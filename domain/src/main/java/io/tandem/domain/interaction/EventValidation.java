package io.tandem.domain.interaction;

/** The verdict on one {@link EventSubmission}: a valid event, or the field that is wrong and why. */
public sealed interface EventValidation {

    record Valid(Event event) implements EventValidation {
    }

    record Invalid(String field, String message) implements EventValidation {
    }
}
