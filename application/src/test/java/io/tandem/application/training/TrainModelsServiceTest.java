package io.tandem.application.training;

import io.tandem.application.evaluation.EvaluationFixture;
import io.tandem.application.ingestion.LakeInteractions;
import io.tandem.application.registry.ChampionChanges;
import io.tandem.application.registry.PromoteModelVersionService;
import io.tandem.application.registry.RegisterModelVersionService;
import io.tandem.application.registry.RegistryFake;
import io.tandem.application.registry.Versions;
import io.tandem.application.registry.port.in.PromoteModelVersionCommand;
import io.tandem.application.registry.port.in.RegisterModelVersionCommand;
import io.tandem.application.serving.ServingBundle;
import io.tandem.application.training.port.in.HoldOutWindow;
import io.tandem.application.training.port.in.TrainModelsCommand;
import io.tandem.application.training.port.in.TrainingReport;
import io.tandem.application.training.port.out.RankerParameters;
import io.tandem.application.training.port.out.RankingDataset;
import io.tandem.application.training.port.out.TrainRankerPort;
import io.tandem.application.training.port.out.TrainRetrieverPort;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.interaction.EventType;
import io.tandem.domain.interaction.LabelWeights;
import io.tandem.domain.model.ArtifactKey;
import io.tandem.domain.model.FeatureSchema;
import io.tandem.domain.model.ModelKind;
import io.tandem.domain.model.ModelStage;
import io.tandem.domain.model.ModelVersion;
import io.tandem.domain.model.PromotionPolicy;
import io.tandem.domain.model.TrainingWindow;
import io.tandem.domain.model.TreeEnsemble;
import io.tandem.domain.ranking.RankingFeatures;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static io.tandem.application.registry.ModelVersionFixture.aVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainModelsServiceTest {

    private static final String MODEL = "two-stage";
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00.123456Z");
    private static final TwoStageSettings SETTINGS = new TwoStageSettings(5, 6, 2, 10_000, 0.2,
            new RankerParameters(10, 3, 0.1, 1.0, 0, 7L), 1, 7L);
    private static final List<String> RETRIEVERS = List.of("popular", "spread");
    private static final FeatureSchema SCHEMA = RankingFeatures.schemaFor(RETRIEVERS);
    /** Follows the popularity retriever's rank (feature 1). */
    private static final TreeEnsemble FOLLOWS_POPULARITY = TrainingFixture.stumps(1, SCHEMA.size(), 25, -1f);
    /** Ranks the popularity retriever's list backwards: a champion any sensible challenger beats. */
    private static final TreeEnsemble AGAINST_POPULARITY = TrainingFixture.stumps(1, SCHEMA.size(), 25, 1f);

    private final TrainingFixture fixture = new TrainingFixture();
    private final RegistryFake registry = new RegistryFake();
    private final RegisterModelVersionService registryService = new RegisterModelVersionService(registry, registry);
    private final PromoteModelVersionService promotions = new PromoteModelVersionService(registry, registry,
            ChampionChanges.none());
    private final List<RankingDataset> rankerTrainingSets = new ArrayList<>();
    private final AtomicLong latestTimeSeenByRetrievers = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong retrieverTrainings = new AtomicLong();
    private final List<Double> progressFractions = new ArrayList<>();
    private final List<String> progressSteps = new ArrayList<>();

    @Test
    void aFirstRunMeasuresTheExportedArtifactOnTheLaterWindowRegistersItAndMakesItChampion() {
        TrainingReport report = service(0.0).train(command(HoldOutWindow.latestShare(0.2)));

        ModelVersion version = report.version();
        assertThat(version.name()).isEqualTo(MODEL);
        assertThat(version.version()).isEqualTo("v20261120-100000-123");
        assertThat(version.kind()).isEqualTo(ModelKind.RANKER);
        assertThat(version.stage()).isEqualTo(ModelStage.CHAMPION);
        assertThat(version.parent()).isEmpty();
        assertThat(version.schema()).contains(SCHEMA);
        assertThat(version.metrics().holdOut()).startsWith("temporal:").contains("interactions=" + report.holdOutRows());
        assertThat(version.metrics().values()).containsKeys("ndcg@10", "precision@10", "recall@10", "map@10",
                "mrr@10", "hit_rate@10", "auc", "coverage");
        assertThat(version.metrics().value("ndcg@10").getAsDouble()).isBetween(0.0, 1.0);
        // The artifact measured is the one stored, at the agreed key, and every scorer opened was closed.
        URI expected = URI.create("mem:/" + new ArtifactKey(MODEL, version.version(), "ranker.onnx").path());
        assertThat(version.artifactUri()).isEqualTo(expected);
        // Beside the ranker, the serving bundle (retrievers, item statistics and facets) serving loads with it.
        URI bundle = URI.create("mem:/" + new ArtifactKey(MODEL, version.version(), "serving.bin").path());
        assertThat(fixture.stored).containsOnlyKeys(expected, bundle);
        assertThat(expected.resolve("serving.bin")).isEqualTo(bundle);
        ServingBundle stored = ServingBundle.decode(fixture.stored.get(bundle));
        assertThat(stored.retrieverNames()).containsExactly("popular", "spread");
        assertThat(stored.itemIds()).hasSize(stored.facets().itemCount());
        // It records the digest of the ranker stored beside it, so serving refuses any other ranker file.
        assertThat(stored.rankerSha256()).isEqualTo(ServingBundle.sha256(fixture.stored.get(expected)));
        assertThat(stored.matchesRanker(fixture.stored.get(expected))).isTrue();
        // Exported twice: measured on the hold-out, then refit on the whole window to serve; only the first is scored.
        assertThat(fixture.exported).hasSize(2);
        assertThat(fixture.exported.values()).containsOnly(FOLLOWS_POPULARITY);
        assertThat(fixture.scorersClosed.get()).isEqualTo(fixture.scorersOpened.get()).isEqualTo(1);
        assertThat(version.metadata()).containsEntry("refit", "true").containsEntry("hold-out.split", "time");
        assertThat(report.promotion().decision().reason()).contains("no champion");
        assertThat(report.champion()).isEmpty();
        assertThat(report.summary()).contains("registered two-stage v20261120-100000-123", "champion", "ndcg@10");
    }

    @Test
    void theHoldOutIsALaterWindowThatNeitherStageOfAnUnpromotedCandidateLearnsFrom() {
        championWith(AGAINST_POPULARITY, SCHEMA);
        TrainingReport report = service(1.0).train(command(HoldOutWindow.lastDays(2)));

        TrainingWindow window = report.version().trainingWindow();
        Instant latest = fixture.events.stream().filter(e -> e.type().isInteraction()).map(e -> e.time())
                .max(Instant::compareTo).orElseThrow();
        Instant cut = latest.plusSeconds(1).minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        assertThat(window.to()).isEqualTo(cut);
        assertThat(window.from()).isEqualTo(TrainingFixture.START.plusSeconds(60));
        long heldOut = fixture.events.stream().filter(e -> !e.time().isBefore(cut) && e.type().isInteraction()
                && e.type() != EventType.HIDE).count();
        assertThat(report.holdOutRows()).isEqualTo((int) heldOut);
        assertThat(latestTimeSeenByRetrievers.get()).isLessThan(cut.getEpochSecond());
        assertThat(rankerTrainingSets).hasSize(1);
        assertThat(rankerTrainingSets.get(0).rows()).isPositive();
        assertThat(report.version().metrics().holdOut()).startsWith("temporal:" + cut + "..");
        assertThat(report.version().stage()).isEqualTo(ModelStage.CANDIDATE);
        assertThat(report.version().metadata()).containsEntry("refit", "false")
                .containsEntry("training.window-end", cut.toString())
                .containsEntry("training.interactions", Integer.toString(report.trainingRows()));
    }

    @Test
    void aVersionThatWillBePromotedIsRefitOnTheWholeWindowAndKeepsItsHoldOutMetrics() {
        // An item and a user that only appear in the hold-out slice (the last hour).
        Instant latest = fixture.events.stream().map(e -> e.time()).max(Instant::compareTo).orElseThrow();
        for (int u = 0; u < 6; u++) {
            fixture.events.add(new io.tandem.domain.interaction.Event(
                    new io.tandem.domain.interaction.EventId("late-" + u), EventType.CLICK,
                    io.tandem.domain.catalog.UserId.of(u < 3 ? "u" + u : "newcomer"),
                    io.tandem.domain.catalog.ItemId.of("late-item"), latest.minusSeconds(u),
                    java.util.OptionalDouble.empty(), io.tandem.domain.interaction.EventContext.NONE));
        }
        championWith(AGAINST_POPULARITY, SCHEMA);
        TrainingReport notPromoted = service(1.0).train(command(HoldOutWindow.latestShare(0.2)));
        int rankerSetsBefore = rankerTrainingSets.size();
        latestTimeSeenByRetrievers.set(Long.MIN_VALUE);

        TrainingReport promoted = service(0.0).train(command(HoldOutWindow.latestShare(0.2)));

        assertThat(promoted.version().stage()).isEqualTo(ModelStage.CHAMPION);
        // The version's metrics are the hold-out's, the same as the candidate measured and not refit.
        assertThat(promoted.version().metrics()).isEqualTo(notPromoted.version().metrics());
        assertThat(promoted.version().metadata()).containsEntry("refit", "true")
                .containsEntry("training.interactions",
                        Integer.toString(promoted.trainingRows() + promoted.holdOutRows()));
        assertThat(promoted.summary()).contains("refit on the whole window");
        Instant end = latest.plusSeconds(1);
        assertThat(promoted.version().trainingWindow().to()).isEqualTo(end);
        assertThat(latestTimeSeenByRetrievers.get()).isEqualTo(latest.getEpochSecond());
        // The ranker too: trained once to be measured, once more on the whole window.
        assertThat(rankerTrainingSets.size() - rankerSetsBefore).isEqualTo(2);
        // The served bundle knows the hold-out-only item: its statistics count its interactions.
        ServingBundle served = bundleOf(promoted.version());
        ServingBundle measured = bundleOf(notPromoted.version());
        int late = served.itemIds().indexOf(io.tandem.domain.catalog.ItemId.of("late-item"));
        assertThat(late).isNotNegative();
        // u0, u1, u2 and the newcomer (whose three clicks are one user-item pair).
        assertThat(served.stats().count()[late]).isEqualTo(4);
        assertThat(measured.stats().count()[late]).isZero();
    }

    @Test
    void theDecayingRetrieversHalfLifeIsTheOneThatRanksTheHoldOutBestAndIsRecorded() {
        List<Optional<Duration>> asked = new ArrayList<>();
        // No decay ranks the popular items last here, a day's half-life ranks them first.
        RecencyGrid grid = new RecencyGrid("popular", List.of(Optional.empty(), Optional.of(Duration.ofDays(1))),
                halfLife -> {
                    asked.add(halfLife);
                    return halfLife.isPresent() ? popularity() : (interactions, items) -> {
                        int[] counts = interactions.columnCounts();
                        return EvaluationFixture.model(interactions.itemCount(), (history, item) -> -counts[item]);
                    };
                });

        TrainingReport report = service(new PromotionPolicy("ndcg@10", 0.0), Optional.of(grid))
                .train(command(HoldOutWindow.latestShare(0.2)));

        Map<String, String> metadata = report.version().metadata();
        assertThat(metadata).containsEntry("popularity.half-life", "PT24H");
        assertThat(metadata.get("popularity.half-life.ndcg@10")).startsWith("none=").contains(",PT24H=");
        // Both measured once, then the chosen one trains the run's retriever (for the ranker's groups and the
        // stages it serves with).
        assertThat(asked.subList(0, 2)).containsExactly(Optional.empty(), Optional.of(Duration.ofDays(1)));
        assertThat(asked.subList(2, asked.size())).containsOnly(Optional.of(Duration.ofDays(1)));
        assertThatThrownBy(() -> service(new PromotionPolicy("ndcg@10", 0.0),
                Optional.of(new RecencyGrid("nobody", List.of(Optional.empty()), grid.trainer()))))
                .hasMessageContaining("recency.retriever");
        assertThatThrownBy(() -> new RecencyGrid("popular", List.of(Optional.of(Duration.ZERO)), grid.trainer()))
                .hasMessageContaining("recency.half-lives");
    }

    private ServingBundle bundleOf(ModelVersion version) {
        return ServingBundle.decode(fixture.stored.get(version.artifactUri().resolve("serving.bin")));
    }

    @Test
    void onlyEventsWithAPositiveLabelBecomeInteractionsWhileEveryItemWithAnEventIsRanked() {
        TrainingReport report = service(0.0).train(command(HoldOutWindow.latestShare(0.2)));

        assertThat(report.eventsRead()).isEqualTo(fixture.events.size());
        // Impressions, the hide and the rating of 0 teach nothing; the rating of 4 does.
        assertThat((long) report.trainingRows() + report.holdOutRows()).isEqualTo(fixture.positiveEvents())
                .isEqualTo(TrainingFixture.DAYS * TrainingFixture.USERS * 2 + 1);
        assertThat(report.items()).isEqualTo(TrainingFixture.ITEMS + 1);
        assertThat(report.users()).isEqualTo(TrainingFixture.USERS);
        assertThat(report.evaluatedUsers()).isPositive();
    }

    @Test
    void aSecondRunOnTheSameHoldOutIsComparedOnStoredMetricsAndMustWinByMoreThanTheMargin() {
        TrainingReport first = service(0.0).train(command(HoldOutWindow.latestShare(0.2)));
        TrainingReport second = service(0.0).train(command(HoldOutWindow.latestShare(0.2)));

        assertThat(second.version().version()).isGreaterThan(first.version().version());
        assertThat(second.version().parent()).contains(first.version().version());
        assertThat(second.version().metrics()).isEqualTo(first.version().metrics());
        assertThat(second.version().stage()).isEqualTo(ModelStage.CANDIDATE);
        assertThat(second.promotion().decision().promote()).isFalse();
        assertThat(second.promotion().decision().reason()).contains("does not beat");
        assertThat(second.champion()).hasValueSatisfying(champion -> {
            assertThat(champion.version()).isEqualTo(first.version().version());
            assertThat(champion.remeasured()).isFalse();
        });
        // Same hold-out: the champion's stored metrics serve, its artifact is not read again.
        assertThat(fixture.artifactLoads.get()).isZero();
        assertThat(registry.loadVersion(MODEL, first.version().version()).orElseThrow().stage())
                .isEqualTo(ModelStage.CHAMPION);
    }

    @Test
    void aChampionMeasuredOnAnotherHoldOutIsMeasuredOnTheNewOneThroughItsArtifactAndLoses() {
        String weak = championWith(AGAINST_POPULARITY, SCHEMA);

        TrainingReport report = service(0.0).train(command(HoldOutWindow.latestShare(0.2)));

        assertThat(report.champion()).hasValueSatisfying(champion -> {
            assertThat(champion.version()).isEqualTo(weak);
            assertThat(champion.remeasured()).isTrue();
            assertThat(champion.metrics().holdOut()).isEqualTo(report.version().metrics().holdOut());
            // Its stored 0.99 came from another hold-out and was not used.
            assertThat(champion.metrics().value("ndcg@10").getAsDouble())
                    .isLessThan(report.version().metrics().value("ndcg@10").getAsDouble());
        });
        assertThat(fixture.artifactLoads.get()).isEqualTo(1);
        assertThat(report.version().stage()).isEqualTo(ModelStage.CHAMPION);
        assertThat(report.version().parent()).contains(weak);
        assertThat(registry.loadVersion(MODEL, weak).orElseThrow().stage()).isEqualTo(ModelStage.ARCHIVED);
        assertThat(fixture.scorersClosed.get()).isEqualTo(fixture.scorersOpened.get()).isEqualTo(2);
    }

    @Test
    void aChallengerThatWinsByLessThanTheMarginStaysACandidate() {
        String weak = championWith(AGAINST_POPULARITY, SCHEMA);

        TrainingReport report = service(1.0).train(command(HoldOutWindow.latestShare(0.2)));

        assertThat(report.champion().orElseThrow().metrics().value("ndcg@10").getAsDouble())
                .isLessThan(report.version().metrics().value("ndcg@10").getAsDouble());
        assertThat(report.version().stage()).isEqualTo(ModelStage.CANDIDATE);
        assertThat(report.promotion().decision().reason()).contains("does not beat", "by more than 1.000000");
        assertThat(registry.loadVersion(MODEL, weak).orElseThrow().stage()).isEqualTo(ModelStage.CHAMPION);
    }

    @Test
    void aChampionReadingOtherFeaturesKeepsItsPlaceAndTheReasonSaysWhy() {
        FeatureSchema other = new FeatureSchema("older-v0", List.of("a", "b"));
        String champion = championWith(TrainingFixture.stumps(0, 2, 1, 1f), other);

        TrainingReport report = service(0.0).train(command(HoldOutWindow.latestShare(0.2)));

        assertThat(report.version().stage()).isEqualTo(ModelStage.CANDIDATE);
        assertThat(report.promotion().decision().reason()).contains("kept as a candidate", "schema", "older-v0");
        assertThat(report.champion()).isEmpty();
        assertThat(registry.loadVersion(MODEL, champion).orElseThrow().stage()).isEqualTo(ModelStage.CHAMPION);
    }

    @Test
    void progressRisesFromZeroToOneAndEndsWithTheSummary() {
        TrainingReport report = service(0.0).train(command(HoldOutWindow.latestShare(0.2))
                .withProgress((fraction, step) -> {
                    progressFractions.add(fraction);
                    progressSteps.add(step);
                }));

        assertThat(progressFractions).first().isEqualTo(0.0);
        assertThat(progressFractions).last().isEqualTo(1.0);
        assertThat(progressFractions).isSorted();
        assertThat(progressSteps).last().isEqualTo(report.summary());
        assertThat(progressSteps).anyMatch(step -> step.startsWith("training the ranker: on "));
        assertThat(progressSteps).anyMatch(step -> step.startsWith("refit, training the ranker: on the whole window"));
    }

    @Test
    void atScaleTheRankerLearnsFromTwoSplitsAndTheRefitSharesTheRunsOwnCut() {
        service(0.0).train(command(HoldOutWindow.latestShare(0.2)));
        long everySplit = retrieverTrainings.getAndSet(0);
        TwoStageSettings atScale = new TwoStageSettings(5, 6, 2, 400, 0.2, SETTINGS.ranker(), 1, 7L);

        TrainModelsServiceTest fresh = new TrainModelsServiceTest();
        TrainingReport report = fresh.service(new PromotionPolicy("ndcg@10", 0.0), Optional.empty(), atScale)
                .train(command(HoldOutWindow.latestShare(0.2)).withProgress((fraction, step) -> progressSteps.add(step)));

        // Five splits and the final retrievers, twice; at scale two splits and the final ones, then the refit's
        // random split and its final ones: the refit's latest split reuses the measured run's retrievers.
        assertThat(everySplit).isEqualTo(12);
        assertThat(fresh.retrieverTrainings).hasValue(5);
        assertThat(report.promoted()).isTrue();
        assertThat(report.version().metadata()).containsEntry("refit", "true");
        assertThat(progressSteps).anyMatch(step -> step.startsWith("refit, training the ranker: on the whole window")
                && step.contains("the latest split is the run's own cut"));
        assertThat(progressSteps).anyMatch(step -> step.contains("split 1 of 2: retrievers shared"));
    }

    @Test
    void versionsAreNamedByTimeAndAlwaysIncrease() {
        ModelVersion later = Versions.ranker(MODEL, "v20261120-100000-500", 0.1);
        ModelVersion free = Versions.ranker(MODEL, "hand-made", 0.1);

        assertThat(VersionNames.nextVersion(List.of(), NOW)).isEqualTo("v20261120-100000-123");
        assertThat(VersionNames.nextVersion(List.of(free, later), NOW)).isEqualTo("v20261120-100000-501");
        assertThat(VersionNames.nextVersion(List.of(later), Instant.parse("2026-11-21T00:00:00Z")))
                .isEqualTo("v20261121-000000-000");
    }

    @Test
    void aHoldOutThatLeavesNothingToTrainOnOrAnEmptyLakeIsRefusedNamingTheField() {
        assertThatThrownBy(() -> service(0.0).train(command(HoldOutWindow.lastDays(30))))
                .isInstanceOf(InvalidFieldException.class)
                .satisfies(e -> assertThat(((InvalidFieldException) e).field()).isEqualTo("holdOut"));
        assertThatThrownBy(() -> service(0.0).train(new TrainModelsCommand(MODEL, LocalDate.of(2020, 1, 1),
                LocalDate.of(2020, 1, 2), HoldOutWindow.latestShare(0.2), 7L, TrainModelsCommand.SILENT)))
                .isInstanceOf(InvalidFieldException.class)
                .satisfies(e -> assertThat(((InvalidFieldException) e).field()).isEqualTo("lake"));
        assertThat(registry.loadVersions(MODEL)).isEmpty();
    }

    @Test
    void aPromotionMetricThatNoRunRecordsIsRefusedAtConstruction() {
        assertThatThrownBy(() -> service(new PromotionPolicy("ndcg@20", 0.0)))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("promotion.metric");
    }

    @Test
    void commandsAndHoldOutWindowsValidateThemselves() {
        assertThatThrownBy(() -> new HoldOutWindow(3, 0.1)).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> HoldOutWindow.latestShare(1.0)).hasMessageContaining("holdOut.share");
        assertThatThrownBy(() -> HoldOutWindow.latestShare(Double.NaN)).hasMessageContaining("holdOut.share");
        assertThatThrownBy(() -> HoldOutWindow.lastDays(-1)).hasMessageContaining("holdOut.days");
        assertThatThrownBy(() -> HoldOutWindow.lastDays(0)).hasMessageContaining("holdOut.days");
        assertThatThrownBy(() -> HoldOutWindow.latestShare(0)).hasMessageContaining("holdOut.share");
        assertThatThrownBy(() -> TrainModelsCommand.wholeLake("no/slash", HoldOutWindow.lastDays(1), 1L))
                .hasMessageContaining("model");
        assertThatThrownBy(() -> new TrainModelsCommand(MODEL, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1),
                HoldOutWindow.lastDays(1), 1L, TrainModelsCommand.SILENT)).hasMessageContaining("to");
        assertThat(HoldOutWindow.lastDays(1).describe()).isEqualTo("the last 1 day");
        assertThat(HoldOutWindow.latestShare(0.1).describe()).isEqualTo("the latest 10.00% of interactions");
    }

    /** Registers and promotes a hand-made champion whose stored metrics come from another hold-out. */
    private String championWith(TreeEnsemble ranker, FeatureSchema schema) {
        String version = "v20261101-000000-000";
        byte[] artifact = fixture.export().export(ranker, schema);
        URI uri = fixture.store().store(new ArtifactKey(MODEL, version, "ranker.onnx"), artifact);
        registryService.register(new RegisterModelVersionCommand(aVersion(MODEL, version)
                .holdOut("temporal:an-older-window").ndcg(0.99).schema(schema).artifact(uri)
                .window(new TrainingWindow(TrainingFixture.START, TrainingFixture.START.plusSeconds(1)))
                .createdAt(TrainingFixture.START).build()));
        promotions.promote(new PromoteModelVersionCommand(MODEL, version));
        return version;
    }

    private TrainModelsCommand command(HoldOutWindow holdOut) {
        return TrainModelsCommand.wholeLake(MODEL, holdOut, 7L);
    }

    private TrainModelsService service(double margin) {
        return service(new PromotionPolicy("ndcg@10", margin));
    }

    private TrainModelsService service(PromotionPolicy policy) {
        return service(policy, Optional.empty());
    }

    private TrainModelsService service(PromotionPolicy policy, Optional<RecencyGrid> recency) {
        return service(policy, recency, SETTINGS);
    }

    private TrainModelsService service(PromotionPolicy policy, Optional<RecencyGrid> recency,
                                       TwoStageSettings settings) {
        List<Retriever> retrievers = List.of(new Retriever("popular", counted(watched(popularity()))),
                new Retriever("spread", watched((interactions, items) -> EvaluationFixture.model(
                        interactions.itemCount(), (history, item) -> (item * 7 % 11) / 11f))));
        TrainRankerPort ranker = (training, validation, parameters) -> {
            assertThat(training.schema()).isEqualTo(SCHEMA);
            rankerTrainingSets.add(training);
            return FOLLOWS_POPULARITY;
        };
        return new TrainModelsService(retrievers, ranker, settings,
                new LakeInteractions(fixture.lake(), fixture.items(), LabelWeights.defaults()),
                fixture.artifacts(), model -> new byte[] {1}, registryService, registry, registry, policy,
                Clock.fixed(NOW, ZoneOffset.UTC), recency);
    }

    /** Counts the trainings of a retriever. */
    private TrainRetrieverPort counted(TrainRetrieverPort retriever) {
        return (interactions, items) -> {
            retrieverTrainings.incrementAndGet();
            return retriever.train(interactions, items);
        };
    }

    /** Records the latest interaction time any retriever is trained on. */
    private TrainRetrieverPort watched(TrainRetrieverPort retriever) {
        return (interactions, items) -> {
            latestTimeSeenByRetrievers.accumulateAndGet(interactions.latestTime(), Math::max);
            return retriever.train(interactions, items);
        };
    }

    /** Scores every item by how many users have it. */
    private static TrainRetrieverPort popularity() {
        return (interactions, items) -> {
            int[] counts = interactions.columnCounts();
            return EvaluationFixture.model(interactions.itemCount(), (history, item) -> counts[item] + item / 1000f);
        };
    }
}
