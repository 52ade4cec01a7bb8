package io.tandem.domain.fallback;

/**
 * One tier of the rule-based fallback, tried in the configured order until the answer is full: a hand-pinned
 * list, the items popular in the user's top categories, what is trending overall, and the newest items.
 */
public enum FallbackTier {
    PINNED("pinned"),
    POPULAR_IN_USER_CATEGORIES("popular-in-user-categories"),
    TRENDING("trending"),
    NEWEST("newest");

    private final String label;

    FallbackTier(String label) {
        this.label = label;
    }

    /** The name in configuration and in a ranked item's {@code sources}. */
    public String label() {
        return label;
    }

    public static FallbackTier ofLabel(String label) {
        for (FallbackTier tier : values()) {
            if (tier.label.equals(label)) {
                return tier;
            }
        }
        throw new io.tandem.domain.InvalidFieldException("tandem.fallback.tiers", "unknown tier '" + label
                + "'; expected one of pinned, popular-in-user-categories, trending, newest");
    }
}
