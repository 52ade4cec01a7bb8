package io.tandem.domain.jobs;

import io.tandem.domain.CanonicalText;
import io.tandem.domain.InvalidFieldException;

import java.util.regex.Pattern;

/** The kind of background work a job does, such as {@code pipeline} or {@code train}; bodies register per type. */
public record JobType(String name) {

    // Before the constants below: static fields initialise in order, and they need it.
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    public static final JobType PIPELINE = new JobType("pipeline");
    public static final JobType TRAIN = new JobType("train");

    public JobType {
        name = InvalidFieldException.requireText("type", name);
        if (!NAME.matcher(name).matches()) {
            throw new InvalidFieldException("type", "'" + CanonicalText.excerpt(name)
                    + "' must be 1-32 lower-case letters, digits or '-'");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
