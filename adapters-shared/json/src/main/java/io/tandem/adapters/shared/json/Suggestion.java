package io.tandem.adapters.shared.json;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The known field an unknown one was probably meant to be: a listed alias ({@code timestamp} for {@code time}), the
 * same name in other case, two names that share all but their last two characters ({@code category} for
 * {@code categories}, {@code time} for {@code timestamp}), or a name at most two edits away ({@code itemid},
 * {@code tpye}). Names shorter than three characters get no guess: anything is two edits from them.
 */
final class Suggestion {

    private static final int MAX_EDITS = 2;
    private static final int MIN_LENGTH = 3;

    private Suggestion() {
    }

    static Optional<String> closest(String unknown, List<String> known, Map<String, String> aliases) {
        String alias = aliases.get(unknown);
        if (alias != null) {
            return Optional.of(alias);
        }
        String lower = unknown.toLowerCase(Locale.ROOT);
        if (lower.length() < MIN_LENGTH) {
            return Optional.empty();
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            String other = candidate.toLowerCase(Locale.ROOT);
            int distance = distance(lower, other);
            int shorter = Math.min(lower.length(), other.length());
            boolean sharedStart = shorter >= MIN_LENGTH && commonPrefix(lower, other) >= Math.max(MIN_LENGTH, shorter - 2);
            if ((distance <= MAX_EDITS || sharedStart) && distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int commonPrefix(String a, String b) {
        int length = 0;
        while (length < a.length() && length < b.length() && a.charAt(length) == b.charAt(length)) {
            length++;
        }
        return length;
    }

    /** Levenshtein distance, stopped early: names longer than 64 characters are never close to a field. */
    static int distance(String a, String b) {
        if (a.length() > 64 || b.length() > 64) {
            return Integer.MAX_VALUE - 1;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
