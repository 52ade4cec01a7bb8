package io.tandem.adapters.in.cli;

import io.tandem.application.registry.port.in.PromotionOutcome;
import io.tandem.application.training.port.in.HoldOutWindow;
import io.tandem.application.training.port.in.TrainModelsCommand;
import io.tandem.application.training.port.in.TrainModelsUseCase;
import io.tandem.application.training.port.in.TrainingReport;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.model.FeatureSchema;
import io.tandem.domain.model.ModelMetrics;
import io.tandem.domain.model.ModelStage;
import io.tandem.domain.model.ModelVersion;
import io.tandem.domain.model.PromotionDecision;
import io.tandem.domain.model.TrainingWindow;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.tandem.application.registry.ModelVersionFixture.aVersion;
import static org.assertj.core.api.Assertions.assertThat;

class TrainCommandTest {

    private static final String HOLD_OUT = "temporal:1998-03-31T00:00:00Z..1998-04-22T23:00:00Z";

    private final List<TrainModelsCommand> commands = new ArrayList<>();
    private int sessionsClosed;

    @Test
    void trainsWithTheDefaultsShowsProgressAndPrintsTheVersionItsMetricsAndTheDecision() {
        Run run = run(command -> {
            command.progress().report(0.0, "reading the lake");
            command.progress().report(0.15, "training the ranker");
            command.progress().report(1.0, "summary line");
            return report(ModelStage.CHAMPION, Optional.empty(), "no champion yet; the challenger has ndcg@10 0.2");
        }, "train");

        assertThat(run.exitCode).as(run.err).isZero();
        TrainModelsCommand sent = commands.get(0);
        assertThat(sent.model()).isEqualTo("two-stage");
        assertThat(sent.holdOut()).isEqualTo(HoldOutWindow.latestShare(0.1));
        assertThat(sent.from()).isEqualTo(TrainModelsCommand.EARLIEST);
        assertThat(sent.to()).isEqualTo(TrainModelsCommand.LATEST);
        assertThat(sent.seed()).isEqualTo(42L);
        assertThat(run.out).contains("[  0%] reading the lake", "[ 15%] training the ranker")
                .doesNotContain("summary line")
                .contains("Registered two-stage v20261120-100000-000", "hold-out " + HOLD_OUT)
                .containsPattern("ndcg@10 +0\\.2000")
                .contains("Champion now: no champion yet");
        assertThat(sessionsClosed).isEqualTo(1);
    }

    @Test
    void printsTheChampionsMetricsBesideTheCandidatesWhenItStays() {
        TrainingReport.ChampionMetrics champion = new TrainingReport.ChampionMetrics("v1",
                new ModelMetrics(HOLD_OUT, Map.of("ndcg@10", 0.3, "precision@10", 0.25)), true);

        Run run = run(command -> report(ModelStage.CANDIDATE, Optional.of(champion), "does not beat"),
                "train", "--model", "ranker-b", "--holdout-days", "7", "--from", "1998-01-01", "--seed", "3");

        assertThat(run.exitCode).as(run.err).isZero();
        TrainModelsCommand sent = commands.get(0);
        assertThat(sent.model()).isEqualTo("ranker-b");
        assertThat(sent.holdOut()).isEqualTo(HoldOutWindow.lastDays(7));
        assertThat(sent.from()).isEqualTo(LocalDate.of(1998, 1, 1));
        assertThat(sent.seed()).isEqualTo(3L);
        assertThat(run.out).contains("champion v1 (measured now)").containsPattern("ndcg@10 +0\\.2000 +0\\.3000")
                .contains("Stays a candidate: does not beat");
    }

    @Test
    void refusesBothHoldOutsAndBadValuesBeforeOpeningASession() {
        assertThat(run(command -> null, "train", "--holdout-days", "3", "--holdout-share", "0.2").err)
                .contains("not both");
        Run badShare = run(command -> null, "train", "--holdout-share", "1.5");
        assertThat(badShare.exitCode).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(badShare.err).contains("holdOut.share");
        assertThat(commands).isEmpty();
        assertThat(sessionsClosed).isZero();
    }

    @Test
    void aLakeThatCannotTrainFailsWithTheReason() {
        Run run = run(command -> {
            throw new InvalidFieldException("lake", "holds no positive interaction");
        }, "train");

        assertThat(run.exitCode).isEqualTo(CommandLine.ExitCode.SOFTWARE);
        assertThat(run.err).contains("lake: holds no positive interaction");
        assertThat(sessionsClosed).isEqualTo(1);
    }

    @Test
    void helpDescribesTheOptions() {
        assertThat(run(command -> null, "train", "--help").out).contains("--holdout-days", "--holdout-share",
                "--model", "--seed", "promotion");
    }

    private static TrainingReport report(ModelStage stage, Optional<TrainingReport.ChampionMetrics> champion,
                                         String reason) {
        ModelVersion version = aVersion("two-stage", "v20261120-100000-000").stage(stage)
                .metrics(new ModelMetrics(HOLD_OUT, Map.of("ndcg@10", 0.2, "precision@10", 0.15)))
                .schema(new FeatureSchema("two-stage-v1", List.of("a")))
                .artifact("file:///lake/models/two-stage/v20261120-100000-000/ranker.onnx")
                .window(new TrainingWindow(Instant.parse("1997-09-20T00:00:00Z"), Instant.parse("1998-03-31T00:00:00Z")))
                .createdAt(Instant.parse("2026-11-20T10:00:00Z")).build();
        // promoted() reads the stage; the command prints the reason whichever way the decision went.
        return new TrainingReport(version, new PromotionOutcome(new PromotionDecision(false, reason), Optional.empty()),
                champion, 100_000, 943, 1682, 90_000, 10_000, 162, 4.2);
    }

    private Run run(TrainModelsUseCase train, String... args) {
        TrainModelsUseCase recording = command -> {
            commands.add(command);
            return train.train(command);
        };
        TandemLauncher launcher = new TandemLauncher() {
            @Override
            public void serve(PrintStream out, java.util.Optional<String> profile) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int checkConfiguration(PrintStream out, java.util.Optional<String> profile) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void demo(PrintStream out) {
                throw new UnsupportedOperationException();
            }

            @Override
            public TandemSession openSession() {
                return new TandemSession() {
                    @Override
                    public UseCases useCases() {
                        return UseCasesFixture.of(type -> recording);
                    }

                    @Override
                    public void close() {
                        sessionsClosed++;
                    }
                };
            }
        };
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        StringWriter help = new StringWriter();
        int exitCode;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            CommandLine commandLine = TandemCommand.commandLine(launcher, out);
            commandLine.setOut(new PrintWriter(help, true));
            commandLine.setErr(new PrintWriter(err, true));
            exitCode = commandLine.execute(args);
        }
        return new Run(exitCode, bytes.toString(StandardCharsets.UTF_8) + help, err.toString());
    }

    /** What one run printed and returned. */
    private record Run(int exitCode, String out, String err) {
    }
}
