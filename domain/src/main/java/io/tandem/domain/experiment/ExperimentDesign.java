package io.tandem.domain.experiment;

import io.tandem.domain.InvalidFieldException;


/**
 * How an experiment compares its variants. {@link #AB}: each user sees one variant, chosen by the shares.
 * {@link #INTERLEAVING}: every user sees one list drafted from both variants' rankings by team-draft interleaving,
 * and each request's clicks decide which variant won it (ADR-0024, "Interleaving").
 */
public enum ExperimentDesign {
    AB("ab"),
    INTERLEAVING("interleaving");

    /** The group name of every list an interleaving experiment serves; no variant of one may take it. */
    public static final String INTERLEAVED = "interleaved";

    private final String wireName;

    ExperimentDesign(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Parses a wire name, exact as ADR-0019 asks of names, naming {@code field} when it is not one. */
    public static ExperimentDesign fromWireName(String field, String text) {
        String value = InvalidFieldException.requireText(field, text);
        for (ExperimentDesign design : values()) {
            if (design.wireName.equals(value)) {
                return design;
            }
        }
        throw new InvalidFieldException(field, "'" + value + "' is not one of ab, interleaving");
    }
}
