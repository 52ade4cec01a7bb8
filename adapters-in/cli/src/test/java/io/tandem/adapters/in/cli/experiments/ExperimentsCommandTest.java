package io.tandem.adapters.in.cli.experiments;

import io.tandem.adapters.in.cli.CommandLineRun;
import io.tandem.application.catalog.port.out.CountCatalogPort;
import io.tandem.application.experiment.CreateExperimentService;
import io.tandem.application.experiment.ExperimentFixture;
import io.tandem.application.experiment.ExperimentStoreFake;
import io.tandem.application.experiment.ListExperimentsService;
import io.tandem.application.experiment.OnlineMetricsFixture;
import io.tandem.application.experiment.OnlineMetricsStoreFake;
import io.tandem.application.experiment.RecomputeOnlineMetricsService;
import io.tandem.application.experiment.ShowExperimentService;
import io.tandem.application.experiment.StartExperimentService;
import io.tandem.application.experiment.StopExperimentService;
import io.tandem.application.experiment.port.in.CreateExperimentUseCase;
import io.tandem.application.experiment.port.in.DecideExperimentCommand;
import io.tandem.application.experiment.port.in.DecideExperimentUseCase;
import io.tandem.application.experiment.port.in.ExperimentDecisions;
import io.tandem.application.experiment.port.in.ListExperimentsUseCase;
import io.tandem.application.experiment.port.in.RecomputeOnlineMetricsUseCase;
import io.tandem.application.experiment.port.in.ShowExperimentUseCase;
import io.tandem.application.experiment.port.in.StartExperimentUseCase;
import io.tandem.application.experiment.port.in.StopExperimentUseCase;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.experiment.Experiment;
import io.tandem.domain.experiment.ExperimentConflictException;
import io.tandem.domain.experiment.ExperimentStatus;
import io.tandem.domain.experiment.attribution.AttributionPolicy;
import io.tandem.domain.experiment.attribution.OnlineMetrics;
import io.tandem.domain.experiment.attribution.ServedItem;
import io.tandem.domain.experiment.attribution.ServedList;
import io.tandem.domain.experiment.decision.DecisionOutcome;
import io.tandem.domain.experiment.decision.ExperimentDecision;
import io.tandem.domain.experiment.decision.VariantEvidence;
import io.tandem.domain.experiment.readout.PrimaryMetric;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventContext;
import io.tandem.domain.interaction.EventId;
import io.tandem.domain.interaction.EventType;
import io.tandem.domain.experiment.readout.ReadoutPolicy;
import io.tandem.domain.experiment.statistics.Interval;
import io.tandem.domain.model.ModelRef;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tandem experiments} over the real services and a store fake: the life cycle, the read-out, and bad input
 * (shares that do not sum to 1, an unknown version, overlapping experiments, stopping a stopped experiment).
 */
class ExperimentsCommandTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-09T12:00:00Z"), ZoneOffset.UTC);
    private static final CountCatalogPort CATALOG = new CountCatalogPort() {
        @Override
        public long countItems() {
            return 80;
        }

        @Override
        public long countUsers() {
            return 1_000;
        }
    };

    private final ExperimentStoreFake store = new ExperimentStoreFake();
    private final List<ServedList> lakeLists = new ArrayList<>();
    private final List<Event> lakeEvents = new ArrayList<>();
    private final Map<Class<?>, Object> useCases = Map.of(
            CreateExperimentUseCase.class, new CreateExperimentService(store,
                    ExperimentFixture.registry("two-stage", "v4")),
            ListExperimentsUseCase.class, new ListExperimentsService(store),
            ShowExperimentUseCase.class, new ShowExperimentService(store, store, store, store, CATALOG,
                    ReadoutPolicy.clickThroughRate(0.02, 50, 100_000), CLOCK),
            StartExperimentUseCase.class, new StartExperimentService(store, CLOCK),
            StopExperimentUseCase.class, new StopExperimentService(store, CLOCK),
            DecideExperimentUseCase.class, (DecideExperimentUseCase) this::decided,
            RecomputeOnlineMetricsUseCase.class, new RecomputeOnlineMetricsService(AttributionPolicy.DEFAULT, store,
                    (from, to, consumer) -> lakeLists.forEach(consumer),
                    (from, to, consumer) -> lakeEvents.forEach(consumer), new OnlineMetricsStoreFake(store).ports(),
                    Duration.ofDays(2), CLOCK));
    private final CommandLineRun.SessionLauncher launcher = new CommandLineRun.SessionLauncher(useCases::get);

    @Test
    void anExperimentIsCreatedListedStartedShownAndStopped() {
        CommandLineRun created = run("experiments", "create", "ab-1", "--surface", "home", "--holdout", "0.1",
                "--variant", "a:0.5:champion", "--variant", "b:0.5:two-stage/v4");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).contains("ab-1", "draft", "surface home", "holdout 0.1000",
                "a 0.5000 champion | b 0.5000 two-stage/v4");

        assertThat(run("experiments", "start", "ab-1").out()).contains("running", "started 2026-12-09T12:00:00Z");
        assertThat(run("experiments", "list").out()).contains("ab-1  running");
        store.saveOnlineMetrics(OnlineMetricsFixture.cells("ab-1", Map.of("a", 0.05, "b", 0.15, "holdout", 0.05),
                Map.of("holdout", 89), 400, 11));

        CommandLineRun shown = run("experiments", "show", "ab-1");
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("decided on click-through-rate", "catalogue of 80 items", "VARIANT",
                "2026-12-07", "2026-12-08", "holdout    total", "Sample ratio: as configured", "b against a: ship after 1 looks",
                "the challenger is better");
        assertThat(shown.out()).containsPattern("a +total +400 +400 +2000 +0\\.0[0-9]+ \\[0\\.0[0-9]+, 0\\.0[0-9]+]");

        CommandLineRun stopped = run("experiments", "stop", "ab-1");
        assertThat(stopped.exitCode()).isZero();
        assertThat(stopped.out()).contains("stopped", "stopped 2026-12-09T12:00:00Z");
    }

    @Test
    void anInterleavingExperimentIsCreatedWithoutSharesAndShowsItsWinsAndPreference() {
        CommandLineRun created = run("experiments", "create", "il-1", "--design", "interleaving",
                "--variant", "a:champion", "--variant", "b:0.5:two-stage/v4");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).contains("il-1", "draft", "design interleaving",
                "a 0.5000 champion | b 0.5000 two-stage/v4");
        run("experiments", "start", "il-1");
        store.saveOnlineMetrics(OnlineMetricsFixture.interleavedCells("il-1", 400, 5));

        CommandLineRun shown = run("experiments", "show", "il-1");

        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("interleaved", "b against a: ship", "'b' is preferred",
                "Interleaving: 400 users, 400 requests");
        CommandLineRun holdout = run("experiments", "create", "il-2", "--design", "interleaving", "--holdout", "0.1",
                "--variant", "a:champion", "--variant", "b:fallback");
        assertThat(holdout.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(holdout.err()).contains("holdout");
        CommandLineRun design = run("experiments", "create", "il-3", "--design", "mixed",
                "--variant", "a:0.5:champion", "--variant", "b:0.5:fallback");
        assertThat(design.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(design.err()).contains("--design");
    }

    @Test
    void sharesThatDoNotSumToOneAreAUsageErrorNamingTheVariantsAndOpenNoSession() {
        CommandLineRun run = run("experiments", "create", "ab-1", "--variant", "a:0.5:champion", "--variant", "b:0.4:fallback");

        assertThat(run.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run.err()).contains("variants: the shares must sum to 1");
        assertThat(launcher.sessions()).isZero();
        assertThat(store.experiments()).isEmpty();
    }

    @Test
    void anUnknownVersionIsAUsageErrorNamingTheVariantsModelVersion() {
        CommandLineRun run = run("experiments", "create", "ab-1", "--variant", "a:0.5:champion", "--variant",
                "b:0.5:two-stage/v9");

        assertThat(run.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run.err()).contains("variants[1].model.version", "'v9'");
        assertThat(store.experiments()).isEmpty();
    }

    @Test
    void anOverlappingExperimentIsRefusedNamingTheSurface() {
        run("experiments", "create", "home-1", "--surface", "home", "--variant", "a:0.5:champion", "--variant",
                "b:0.5:fallback");
        run("experiments", "create", "home-2", "--surface", "home", "--variant", "a:0.5:champion", "--variant",
                "b:0.5:fallback");
        run("experiments", "start", "home-1");

        CommandLineRun refused = run("experiments", "start", "home-2");

        assertThat(refused.exitCode()).isEqualTo(CommandLine.ExitCode.SOFTWARE);
        assertThat(refused.err()).contains("surface: experiment 'home-1' is already running on surface 'home'");
        assertThat(store.loadExperiment("home-2").orElseThrow().status()).isEqualTo(ExperimentStatus.DRAFT);
    }

    @Test
    void stoppingAStoppedExperimentIsRefusedNamingTheStatus() {
        run("experiments", "create", "ab-1", "--variant", "a:0.5:champion", "--variant", "b:0.5:fallback");
        run("experiments", "start", "ab-1");
        run("experiments", "stop", "ab-1");

        CommandLineRun again = run("experiments", "stop", "ab-1");

        assertThat(again.exitCode()).isEqualTo(CommandLine.ExitCode.SOFTWARE);
        assertThat(again.err()).contains("status: experiment 'ab-1' is stopped");
    }

    @Test
    void unknownNamesAndMalformedOptionsSayWhat() {
        CommandLineRun unknown = run("experiments", "show", "nope");
        assertThat(unknown.exitCode()).isEqualTo(CommandLine.ExitCode.SOFTWARE);
        assertThat(unknown.err()).contains("no experiment 'nope'");

        int before = launcher.sessions();
        CommandLineRun name = run("experiments", "stop", "Nope");
        assertThat(name.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(name.err()).contains("name: must be 1-64 lower-case");
        CommandLineRun variant = run("experiments", "create", "ab-1", "--variant", "a=0.5", "--variant", "b:0.5:fallback");
        assertThat(variant.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(variant.err()).contains("--variant: 'a=0.5' is not NAME:SHARE:MODEL");
        CommandLineRun model = run("experiments", "create", "ab-1", "--variant", "a:0.5:best", "--variant", "b:0.5:fallback");
        assertThat(model.err()).contains("--variant: the model 'best' is none of champion, fallback");
        assertThat(launcher.sessions()).isEqualTo(before);
        assertThat(run("experiments", "list").out()).contains("(no experiments");
        assertThat(run("experiments", "show", "--help").out()).contains("read-out");
    }

    @Test
    void decidingPrintsEachDecisionWithItsEvidenceAndADraftIsRefusedNamingTheStatus() {
        CommandLineRun created = run("experiments", "create", "ab-1", "--auto-promote", "--variant",
                "a:0.5:champion", "--variant", "b:0.5:two-stage/v4");
        assertThat(created.out()).contains("ab-1  draft", "auto-promote");
        CommandLineRun nothing = run("experiments", "create", "ab-2", "--auto-promote", "--variant",
                "a:0.5:champion", "--variant", "b:0.5:fallback");
        assertThat(nothing.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(nothing.err()).contains("autoPromote: needs a challenger");

        CommandLineRun draft = run("experiments", "decide", "ab-1");
        assertThat(draft.exitCode()).isEqualTo(CommandLine.ExitCode.SOFTWARE);
        assertThat(draft.err()).contains("status: experiment 'ab-1' is a draft");

        run("experiments", "start", "ab-1");
        CommandLineRun decided = run("experiments", "decide", "ab-1");
        assertThat(decided.exitCode()).as(decided.err()).isZero();
        assertThat(decided.out()).contains("two-stage/v4 (b against a): LOST at 2026-12-09T12:00:00Z",
                "a          users 400, impressions 2000, click-through-rate 0.1000 [0.09000, 0.1100]",
                "always-valid interval [-0.06000, -0.01000], p = 0.00100 after 4 looks",
                "guardrails held; offline gate not passed", "lost online", "Decided; the evidence is kept");
        assertThat(run("experiments", "decide", "nope").err()).contains("no experiment 'nope'");
    }

    /** A decision fake: a draft is refused, a running ab-1 is lost, anything else is unknown. */
    private Optional<ExperimentDecisions> decided(DecideExperimentCommand command) {
        Optional<Experiment> experiment = store.loadExperiment(command.name());
        if (experiment.isEmpty()) {
            return Optional.empty();
        }
        if (experiment.get().status() == ExperimentStatus.DRAFT) {
            throw new ExperimentConflictException("status", "experiment '" + command.name() + "' is a draft; start it "
                    + "and let users see it before deciding");
        }
        ExperimentDecision lost = new ExperimentDecision(command.name(), new ModelRef("two-stage", "v4"),
                DecisionOutcome.LOST, CLOCK.instant(), PrimaryMetric.CLICK_THROUGH_RATE,
                new VariantEvidence("a", 400, 2_000, 0.1, new Interval(0.09, 0.11), 12.0, 0.0),
                new VariantEvidence("b", 400, 2_000, 0.065, new Interval(0.055, 0.075), 12.5, 0.0),
                OptionalDouble.of(-0.035), new Interval(-0.06, -0.01), 0.001, 4, 0.9, false, true, false,
                "lost online: the challenger is worse");
        return Optional.of(new ExperimentDecisions(experiment.get().stop(CLOCK.instant()), List.of(lost), List.of()));
    }

    @Test
    void recomputeRebuildsTheCellsFromTheLakeAndSaysWhatItRead() {
        run("experiments", "create", "ab-1", "--variant", "a:0.5:champion", "--variant", "b:0.5:fallback");
        CommandLineRun draft = run("experiments", "recompute", "ab-1");
        assertThat(draft.exitCode()).isEqualTo(CommandLine.ExitCode.SOFTWARE);
        assertThat(draft.err()).contains("status: experiment 'ab-1' never started");
        run("experiments", "start", "ab-1");
        Instant served = Instant.parse("2026-12-09T12:00:00Z");
        lakeLists.add(new ServedList("r1", "ab-1", "b", new UserId("u1"), served,
                List.of(ServedItem.ranked(new ItemId("i1"), 1), ServedItem.ranked(new ItemId("i2"), 2)),
                Duration.ofMillis(7), false));
        lakeEvents.add(new Event(new EventId("e1"), EventType.IMPRESSION, new UserId("u1"), new ItemId("i2"), served,
                OptionalDouble.empty(), new EventContext(Optional.empty(), Optional.of("r1"), OptionalInt.empty())));

        CommandLineRun recomputed = run("experiments", "recompute", "ab-1");

        assertThat(recomputed.exitCode()).as(recomputed.err()).isZero();
        assertThat(recomputed.out()).contains("recomputed ab-1 from the lake: 1 served lists (2026-12-09..2026-12-09), "
                + "1 attributed events (to 2026-12-09), 2 cells saved");
        assertThat(store.loadOnlineMetrics("ab-1")).extracting(OnlineMetrics::variant).containsOnly("b");
        assertThat(run("experiments", "recompute", "nope").err()).contains("no experiment 'nope'");
    }

    private CommandLineRun run(String... args) {
        return CommandLineRun.run(launcher, args);
    }
}
