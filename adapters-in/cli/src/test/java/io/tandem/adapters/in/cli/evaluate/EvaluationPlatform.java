package io.tandem.adapters.in.cli.evaluate;

import io.tandem.adapters.in.cli.TandemCommand;
import io.tandem.adapters.in.cli.TandemLauncher;
import io.tandem.adapters.in.cli.TandemSession;
import io.tandem.adapters.in.cli.UseCases;
import io.tandem.adapters.in.cli.UseCasesFixture;
import io.tandem.application.evaluation.port.in.EvaluateRecommendersCommand;
import io.tandem.application.evaluation.port.in.EvaluateRecommendersUseCase;
import io.tandem.domain.evaluation.EvaluationReport;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A platform without Micronaut for {@code tandem evaluate}: its session hands out the given evaluation use case
 * and remembers every command it received.
 */
final class EvaluationPlatform implements TandemLauncher, TandemSession {

    final List<EvaluateRecommendersCommand> commands = new ArrayList<>();
    private final EvaluateRecommendersUseCase evaluate;
    int sessionsClosed;

    EvaluationPlatform(EvaluateRecommendersUseCase evaluate) {
        this.evaluate = evaluate;
    }

    /** A platform whose evaluation returns {@code report} whatever it is asked. */
    static EvaluationPlatform answering(EvaluationReport report) {
        return new EvaluationPlatform(command -> report);
    }

    /** Runs {@code tandem args...} as bootstrap would. */
    Run run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        StringWriter help = new StringWriter();
        int exitCode;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            CommandLine commandLine = TandemCommand.commandLine(this, out);
            commandLine.setOut(new PrintWriter(help, true));
            commandLine.setErr(new PrintWriter(err, true));
            exitCode = commandLine.execute(args);
        }
        return new Run(exitCode, bytes.toString(StandardCharsets.UTF_8) + help, err.toString());
    }

    /** What one run printed and returned. */
    record Run(int exitCode, String out, String err) {
    }

    @Override
    public void serve(PrintStream out, java.util.Optional<String> profile) {
        throw new UnsupportedOperationException("evaluate never serves");
    }

    @Override
    public int checkConfiguration(PrintStream out, java.util.Optional<String> profile) {
        throw new UnsupportedOperationException("evaluate never checks the configuration");
    }

    @Override
    public void demo(PrintStream out) {
        throw new UnsupportedOperationException("evaluate never runs the demo");
    }

    @Override
    public TandemSession openSession() {
        return this;
    }

    @Override
    public UseCases useCases() {
        EvaluateRecommendersUseCase recording = command -> {
            commands.add(command);
            return evaluate.evaluate(command);
        };
        return UseCasesFixture.of(type -> recording);
    }

    @Override
    public void close() {
        sessionsClosed++;
    }
}
