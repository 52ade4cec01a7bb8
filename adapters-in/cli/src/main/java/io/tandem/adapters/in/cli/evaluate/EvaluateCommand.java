package io.tandem.adapters.in.cli.evaluate;

import io.tandem.adapters.in.cli.TandemLauncher;
import io.tandem.adapters.in.cli.TandemSession;
import io.tandem.adapters.shared.datasets.EvaluationFiles;
import io.tandem.application.evaluation.port.in.EvaluateRecommendersCommand;
import io.tandem.application.evaluation.port.in.EvaluateRecommendersUseCase;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.evaluation.EvaluationDataset;
import io.tandem.domain.evaluation.EvaluationProgress;
import io.tandem.domain.evaluation.EvaluationReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code tandem evaluate}: offline metrics of every retriever and of the two-stage system on a public data set. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {
            "Train every retriever (popularity, item-knn, ials, ease) and the two-stage system (retrievers, then a "
                    + "LambdaMART ranker) on each fold, rank every item each test user has not seen in training, "
                    + "and report precision, recall, NDCG, MAP, MRR and hit rate at k, AUC and catalogue coverage "
                    + "(averaged over users with test items, then over folds). Every rating or listening counts as "
                    + "a positive. Runs are seeded: the same files give the same numbers.",
            "Protocols: folds (MovieLens u1..u5 base/test files), temporal (each user's latest 20%% of u.data), "
                    + "random (a seeded 20%% of each user's interactions; the only one for lastfm-2k)."
        })
public final class EvaluateCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandSpec spec;

    @Option(names = "--dataset", required = true, paramLabel = "NAME",
            description = "ml-100k or lastfm-2k (HetRec 2011 Last.fm).")
    private String dataset;

    @Option(names = "--path", required = true, paramLabel = "DIR", description = "The folder holding the data set.")
    private Path folder;

    @Option(names = "--protocol", paramLabel = "NAME",
            description = "folds, temporal or random (default: folds for ml-100k, random for lastfm-2k).")
    private String protocol;

    @Option(names = "--output", paramLabel = "FILE.json", description = "Also write the report as JSON.")
    private Path output;

    @Option(names = "--k", defaultValue = "10", paramLabel = "N", description = "Cut-off of the ranking metrics "
            + "(default: ${DEFAULT-VALUE}).")
    private int k;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Seed of the random splits and "
            + "of the ranker, as a train job with this seed (tandem.training.seed) uses it (default: "
            + "${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--folds", defaultValue = "5", paramLabel = "N", description = "Use only the first N MovieLens "
            + "folds (default: ${DEFAULT-VALUE}).")
    private int folds;

    private final TandemLauncher launcher;
    private final PrintStream out;

    public EvaluateCommand(TandemLauncher launcher, PrintStream out) {
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public Integer call() {
        Optional<EvaluationFiles.Dataset> chosen = dataset(dataset);
        if (chosen.isEmpty()) {
            return fail(ExitCode.USAGE, "unknown --dataset '" + dataset + "' (expected ml-100k or lastfm-2k)");
        }
        EvaluationFiles.Protocol cut;
        if (protocol == null) {
            cut = chosen.get() == EvaluationFiles.Dataset.ML_100K ? EvaluationFiles.Protocol.FOLDS
                    : EvaluationFiles.Protocol.RANDOM;
        } else {
            Optional<EvaluationFiles.Protocol> named = protocol(protocol);
            if (named.isEmpty()) {
                return fail(ExitCode.USAGE, "unknown --protocol '" + protocol + "' (expected folds, temporal or random)");
            }
            cut = named.get();
        }
        Optional<String> unsupported = EvaluationFiles.unsupported(chosen.get(), cut);
        if (unsupported.isPresent()) {
            return fail(ExitCode.USAGE, unsupported.get());
        }
        if (folds < 1) {
            return fail(ExitCode.USAGE, "--folds must be 1 or more");
        }
        for (String name : EvaluationFiles.requiredFiles(chosen.get(), cut)) {
            if (!Files.isRegularFile(folder.resolve(name))) {
                return fail(ExitCode.USAGE, "no such file: " + folder.resolve(name) + " (expected the "
                        + chosen.get().label + " files in " + folder + ")");
            }
        }
        EvaluationDataset data;
        try {
            data = EvaluationFiles.read(chosen.get(), folder, cut, seed, folds);
        } catch (IOException e) {
            return fail(ExitCode.SOFTWARE, "cannot read " + folder + ": " + e.getMessage());
        }
        out.printf(Locale.ROOT, "Evaluating on %s (%s): %,d users, %,d items, %d fold%s%n", data.name(),
                data.protocol(), data.userCount(), data.itemCount(), data.folds().size(),
                data.folds().size() == 1 ? "" : "s");
        EvaluationReport report;
        long startWall = System.nanoTime();
        long startCpu = processCpuNanos();
        try (TandemSession session = launcher.openSession()) {
            EvaluateRecommendersUseCase evaluate = session.useCases().evaluateRecommenders();
            report = evaluate.evaluate(new EvaluateRecommendersCommand(data, k, seed, progress()));
        } catch (InvalidFieldException e) {
            return fail(ExitCode.USAGE, e.getMessage());
        }
        double wall = (System.nanoTime() - startWall) / 1e9;
        double cpu = (processCpuNanos() - startCpu) / 1e9;
        out.println();
        out.print(ReportTable.format(report));
        out.printf(Locale.ROOT, "Evaluated in %.1f s wall, %.1f s CPU (%d cores available).%n", wall, cpu,
                Runtime.getRuntime().availableProcessors());
        if (output != null) {
            try {
                ReportJson.write(output, report, wall, cpu);
            } catch (IOException e) {
                return fail(ExitCode.SOFTWARE, "cannot write " + output + ": " + e.getMessage());
            }
            out.println("Wrote " + output);
        }
        return ExitCode.OK;
    }

    private EvaluationProgress progress() {
        return (model, fold, total, metrics, trainSeconds) -> out.printf(Locale.ROOT,
                "  fold %d/%d %-12s ndcg@%d %.4f  precision@%d %.4f  (trained in %.2f s)%n", fold, total, model,
                k, metrics.getOrDefault("ndcg@" + k, Double.NaN), k,
                metrics.getOrDefault("precision@" + k, Double.NaN), trainSeconds);
    }

    private int fail(int exitCode, String message) {
        spec.commandLine().getErr().println(spec.qualifiedName() + ": " + message);
        return exitCode;
    }

    private static Optional<EvaluationFiles.Dataset> dataset(String name) {
        for (EvaluationFiles.Dataset candidate : EvaluationFiles.Dataset.values()) {
            if (candidate.label.equalsIgnoreCase(name.strip())) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Optional<EvaluationFiles.Protocol> protocol(String name) {
        for (EvaluationFiles.Protocol candidate : EvaluationFiles.Protocol.values()) {
            if (candidate.label.equalsIgnoreCase(name.strip())) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** CPU time of the whole process, the honest cost on a shared machine; 0 where the JVM does not tell. */
    private static long processCpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
        }
        return 0;
    }
}
