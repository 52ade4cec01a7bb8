package io.tandem.application.training;

import io.tandem.domain.model.ModelVersion;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Version names of training runs, {@code vYYYYMMDD-HHMMSS-mmm} in UTC, at least a millisecond after the newest
 * such version of the model: they sort in training order, and two processes training at once do not pick the same
 * name.
 */
final class VersionNames {

    private static final DateTimeFormatter VERSION_TIME = DateTimeFormatter.ofPattern("'v'uuuuMMdd-HHmmss-SSS",
            Locale.ROOT);

    private VersionNames() {
    }

    /** The version named by {@code now}, moved to a millisecond after the newest time-named version if needed. */
    static String nextVersion(List<ModelVersion> existing, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        for (ModelVersion version : existing) {
            Optional<Instant> named = timeOf(version.version());
            if (named.isPresent() && !at.isAfter(named.get())) {
                at = named.get().plusMillis(1);
            }
        }
        return VERSION_TIME.format(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    private static Optional<Instant> timeOf(String version) {
        try {
            return Optional.of(LocalDateTime.parse(version, VERSION_TIME).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
