package io.tandem.domain.experiment;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.UserId;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * An online experiment: users (the unit) are split between variants by a stable hash of user and salt, after
 * an optional holdout share is set aside. It covers one surface, or every surface when none is named.
 *
 * @param salt      the hash salt; the name unless given, so experiments with different salts split independently
 * @param holdout   the share of users kept out of every variant, in (0, 1), if any
 * @param startedAt when it started running (running and stopped experiments)
 * @param stoppedAt   when it stopped (stopped experiments)
 * @param autoPromote whether the periodic decision may promote a winning challenger's version without an operator;
 *                    only an experiment with a challenger (a variant after the first) pinning a version has one to
 *                    promote
 * @param design      A/B (each user sees one variant) or interleaving (every user sees both in one list)
 */
public record Experiment(String name, String salt, Optional<String> surface, List<Variant> variants,
                         OptionalDouble holdout, ExperimentStatus status, Optional<Instant> startedAt,
                         Optional<Instant> stoppedAt, boolean autoPromote, ExperimentDesign design) {

    /** How far the variants' shares may sum from 1 (decimal shares such as 1/3 do not add up exactly). */
    public static final double SHARE_TOLERANCE = 1e-6;
    public static final int MAX_VARIANTS = 20;
    /** Each variant's share of an interleaving experiment: each team drafts half the places of every list. */
    public static final double INTERLEAVING_SHARE = 0.5;

    public Experiment {
        name = ExperimentNames.canonical("name", name);
        salt = ExperimentNames.canonical("salt", salt);
        surface = Objects.requireNonNull(surface, "surface").map(s -> ExperimentNames.canonical("surface", s));
        variants = List.copyOf(Objects.requireNonNull(variants, "variants"));
        if (design == null) {
            throw new InvalidFieldException("design", "is required (ab or interleaving)");
        }
        if (design == ExperimentDesign.INTERLEAVING) {
            requireInterleavable(variants, Objects.requireNonNull(holdout, "holdout"), autoPromote);
        }
        requireVariants(variants);
        Objects.requireNonNull(holdout, "holdout");
        if (holdout.isPresent() && !(holdout.getAsDouble() > 0 && holdout.getAsDouble() < 1)) {
            throw new InvalidFieldException("holdout", "must lie strictly between 0 and 1");
        }
        if (status == null) {
            throw new InvalidFieldException("status", "is required");
        }
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(stoppedAt, "stoppedAt");
        requireTimesMatch(status, startedAt, stoppedAt);
        if (autoPromote && pinnedChallengers(variants).isEmpty()) {
            throw new InvalidFieldException("autoPromote", "needs a challenger (a variant after the first, the "
                    + "control) that serves a registered version: only a version can be promoted");
        }
    }

    /** An A/B experiment. */
    public Experiment(String name, String salt, Optional<String> surface, List<Variant> variants,
                      OptionalDouble holdout, ExperimentStatus status, Optional<Instant> startedAt,
                      Optional<Instant> stoppedAt, boolean autoPromote) {
        this(name, salt, surface, variants, holdout, status, startedAt, stoppedAt, autoPromote, ExperimentDesign.AB);
    }

    /** An experiment whose decisions are left to an operator. */
    public Experiment(String name, String salt, Optional<String> surface, List<Variant> variants,
                      OptionalDouble holdout, ExperimentStatus status, Optional<Instant> startedAt,
                      Optional<Instant> stoppedAt) {
        this(name, salt, surface, variants, holdout, status, startedAt, stoppedAt, false, ExperimentDesign.AB);
    }

    /** A new experiment, not yet running, decided by an operator; the salt defaults to the name. */
    public static Experiment draft(String name, Optional<String> salt, Optional<String> surface,
                                   List<Variant> variants, OptionalDouble holdout) {
        return draft(name, salt, surface, variants, holdout, false);
    }

    /** A new A/B experiment, not yet running; the salt defaults to the name. */
    public static Experiment draft(String name, Optional<String> salt, Optional<String> surface,
                                   List<Variant> variants, OptionalDouble holdout, boolean autoPromote) {
        return draft(name, salt, surface, variants, holdout, autoPromote, ExperimentDesign.AB);
    }

    /** A new experiment of {@code design}, not yet running; the salt defaults to the name. */
    public static Experiment draft(String name, Optional<String> salt, Optional<String> surface,
                                   List<Variant> variants, OptionalDouble holdout, boolean autoPromote,
                                   ExperimentDesign design) {
        return new Experiment(name, Objects.requireNonNull(salt, "salt").orElse(name), surface, variants, holdout,
                ExperimentStatus.DRAFT, Optional.empty(), Optional.empty(), autoPromote, design);
    }

    public boolean interleaving() {
        return design == ExperimentDesign.INTERLEAVING;
    }

    /** The challengers (every variant after the first, the control) that serve a pinned version, in order. */
    public List<Variant> pinnedChallengers() {
        return pinnedChallengers(variants);
    }

    private static List<Variant> pinnedChallengers(List<Variant> variants) {
        return variants.subList(1, variants.size()).stream()
                .filter(variant -> variant.model() instanceof VariantModel.Version).toList();
    }

    /**
     * This experiment running from {@code now}. Refused unless it is a draft, and while another of
     * {@code others} runs on an overlapping surface: two experiments on one surface would each see the other's
     * changes as noise, and a user in both could not be attributed to either.
     */
    public Experiment start(Instant now, Collection<Experiment> others) {
        requireStep(ExperimentStatus.RUNNING);
        for (Experiment other : others) {
            boolean running = other.status == ExperimentStatus.RUNNING;
            if (running && !other.name.equals(name) && other.sharesSurfaceWith(this)) {
                String where = other.surface.map(s -> "surface '" + s + "'").orElse("every surface");
                throw new ExperimentConflictException("surface", "experiment '" + other.name
                        + "' is already running on " + where + "; stop it before starting '" + name + "'");
            }
        }
        return new Experiment(name, salt, surface, variants, holdout, ExperimentStatus.RUNNING,
                Optional.of(Objects.requireNonNull(now, "now")), Optional.empty(), autoPromote, design);
    }

    /** This experiment stopped at {@code now}; refused unless it is running. */
    public Experiment stop(Instant now) {
        requireStep(ExperimentStatus.STOPPED);
        Objects.requireNonNull(now, "now");
        if (now.isBefore(startedAt.orElseThrow())) {
            throw new InvalidFieldException("stoppedAt", "must not be before the start " + startedAt.get());
        }
        return new Experiment(name, salt, surface, variants, holdout, ExperimentStatus.STOPPED, startedAt,
                Optional.of(now), autoPromote, design);
    }

    /** True when a request on one could also be a request on the other: the same surface, or either covers all. */
    public boolean sharesSurfaceWith(Experiment other) {
        return surface.isEmpty() || other.surface.isEmpty() || surface.equals(other.surface);
    }

    /** True when this experiment applies to a request on {@code requestSurface} (none: only all-surface ones). */
    public boolean covers(Optional<String> requestSurface) {
        return surface.isEmpty() || surface.equals(requestSurface);
    }

    /**
     * Where {@code user} lands: the holdout below the holdout share, else a variant by cumulative shares; in an
     * interleaving experiment, both variants at once.
     */
    public Assignment assign(UserId user) {
        double point = AssignmentHash.point(salt, user.value());
        if (interleaving()) {
            return Assignment.interleaved(name, variants, point);
        }
        double held = holdout.orElse(0);
        if (point < held) {
            return new Assignment(name, Optional.empty(), point);
        }
        double shareTotal = variants.stream().mapToDouble(Variant::share).sum();
        double position = (point - held) / (1 - held) * shareTotal;
        double cumulative = 0;
        for (Variant variant : variants) {
            cumulative += variant.share();
            if (position < cumulative) {
                return new Assignment(name, Optional.of(variant), point);
            }
        }
        // Rounding can leave the very top of [0, 1) past the last cumulative share: it belongs to the last one.
        return new Assignment(name, Optional.of(variants.get(variants.size() - 1)), point);
    }

    public Optional<Variant> variant(String variantName) {
        return variants.stream().filter(v -> v.name().equals(variantName)).findFirst();
    }

    /** The share of all users each group should receive, holdout included, for the sample-ratio check. */
    public Map<String, Double> expectedShares() {
        Map<String, Double> shares = new LinkedHashMap<>();
        if (interleaving()) {
            shares.put(ExperimentDesign.INTERLEAVED, 1.0);
            return shares;
        }
        double held = holdout.orElse(0);
        double shareTotal = variants.stream().mapToDouble(Variant::share).sum();
        variants.forEach(v -> shares.put(v.name(), (1 - held) * v.share() / shareTotal));
        holdout.ifPresent(h -> shares.put(Assignment.HOLDOUT, h));
        return shares;
    }

    private void requireStep(ExperimentStatus next) {
        if (!status.canMoveTo(next)) {
            String allowed = next == ExperimentStatus.RUNNING
                    ? "only a draft can be started" : "only a running experiment can be stopped";
            throw new ExperimentConflictException("status", "experiment '" + name + "' is " + status.wireName()
                    + "; " + allowed);
        }
    }

    private static void requireVariants(List<Variant> variants) {
        if (variants.size() < 2 || variants.size() > MAX_VARIANTS) {
            throw new InvalidFieldException("variants", "an experiment needs 2 to " + MAX_VARIANTS + " variants");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < variants.size(); i++) {
            Variant variant = Objects.requireNonNull(variants.get(i), "variant");
            if (!names.add(variant.name())) {
                throw new InvalidFieldException("variants[" + i + "].name", "'" + variant.name() + "' is used twice");
            }
        }
        double sum = variants.stream().mapToDouble(Variant::share).sum();
        if (Math.abs(sum - 1) > SHARE_TOLERANCE) {
            throw new InvalidFieldException("variants", "the shares must sum to 1, they sum to " + sum);
        }
    }

    /**
     * An interleaving experiment merges exactly two rankings, each team drafting half of every list, for every user:
     * a holdout would be read against nothing, and a share other than half would describe a split that is not made.
     * Its decision is read off the preference, not a challenger's metric, so promotion stays an operator's step.
     */
    private static void requireInterleavable(List<Variant> variants, OptionalDouble holdout, boolean autoPromote) {
        if (variants.size() != 2) {
            throw new InvalidFieldException("variants", "an interleaving experiment merges exactly 2 variants, got "
                    + variants.size());
        }
        for (int i = 0; i < variants.size(); i++) {
            if (Math.abs(variants.get(i).share() - INTERLEAVING_SHARE) > SHARE_TOLERANCE) {
                throw new InvalidFieldException("variants[" + i + "].share", "an interleaving experiment shows every "
                        + "user both variants, each drafting half the places: leave share out or give 0.5");
            }
            if (ExperimentDesign.INTERLEAVED.equals(variants.get(i).name())) {
                throw new InvalidFieldException("variants[" + i + "].name", "'" + ExperimentDesign.INTERLEAVED
                        + "' names the lists an interleaving experiment serves");
            }
        }
        if (holdout.isPresent()) {
            throw new InvalidFieldException("holdout", "an interleaving experiment shows every user both variants; "
                    + "a holdout would have nothing to be read against");
        }
        if (autoPromote) {
            throw new InvalidFieldException("autoPromote", "an interleaving experiment is decided by an operator "
                    + "from its preference read-out");
        }
    }

    private static void requireTimesMatch(ExperimentStatus status, Optional<Instant> startedAt,
                                          Optional<Instant> stoppedAt) {
        boolean started = status != ExperimentStatus.DRAFT;
        boolean stopped = status == ExperimentStatus.STOPPED;
        if (startedAt.isPresent() != started) {
            throw new InvalidFieldException("startedAt",
                    started ? "is required once started" : "must be empty in a draft");
        }
        if (stoppedAt.isPresent() != stopped) {
            throw new InvalidFieldException("stoppedAt",
                    stopped ? "is required once stopped" : "must be empty until stopped");
        }
        if (stopped && stoppedAt.get().isBefore(startedAt.get())) {
            throw new InvalidFieldException("stoppedAt", "must not be before the start " + startedAt.get());
        }
    }
}
