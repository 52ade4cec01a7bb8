package io.tandem.adapters.in.cli;

import io.tandem.application.access.port.in.CreateApiKeyCommand;
import io.tandem.application.access.port.in.CreatedApiKey;
import io.tandem.application.access.port.in.RevokeApiKeyCommand;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.access.ApiKey;
import io.tandem.domain.access.RateLimit;
import io.tandem.domain.access.Scope;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code tandem keys create|list|revoke}: API keys in the configured key store (ADR-0027), on the profile of
 * {@code TANDEM_PROFILE}. A new key is printed once; the store keeps only its hash.
 */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Create, list and revoke API keys (scopes ingest, serve, admin).")
final class KeysCommand extends CommandGroup {


    static CommandLine commandLine(TandemLauncher launcher, PrintStream out) {
        CommandLine commandLine = new CommandLine(new KeysCommand());
        commandLine.addSubcommand("create", new CreateCommand(launcher, out));
        commandLine.addSubcommand("list", new ListCommand(launcher, out));
        commandLine.addSubcommand("revoke", new RevokeCommand(launcher, out));
        return commandLine;
    }

    private static int fail(CommandLine.Model.CommandSpec spec, int exitCode, String message) {
        spec.commandLine().getErr().println(spec.qualifiedName() + ": " + message);
        return exitCode;
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {
                "Create a key and print it once: keep it, it cannot be shown again (only its hash is stored).",
                "Example: tandem keys create --scope serve --name web"
            })
    static final class CreateCommand implements Callable<Integer> {

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "What the key is for.")
        private String name;

        @Option(names = "--scope", required = true, paramLabel = "SCOPE", split = ",",
                description = "ingest, serve or admin; repeat or separate with commas for several.")
        private List<String> scopes;

        @Option(names = "--rate", paramLabel = "N",
                description = "Requests a second per route class (default: tandem.auth.rate-limit-per-second).")
        private Integer perSecond;

        @Option(names = "--burst", paramLabel = "N",
                description = "Requests at once per route class (default: tandem.auth.rate-limit-burst, or "
                        + "twice --rate when that is given).")
        private Integer burst;

        private final TandemLauncher launcher;
        private final PrintStream out;

        CreateCommand(TandemLauncher launcher, PrintStream out) {
            this.launcher = Objects.requireNonNull(launcher, "launcher");
            this.out = Objects.requireNonNull(out, "out");
        }

        @Override
        public Integer call() {
            CreateApiKeyCommand command;
            try {
                EnumSet<Scope> chosen = EnumSet.noneOf(Scope.class);
                scopes.forEach(label -> chosen.add(Scope.parse("--scope", label)));
                Optional<RateLimit> limit = Optional.empty();
                if (perSecond != null || burst != null) {
                    if (perSecond == null) {
                        return fail(spec, ExitCode.USAGE, "--burst needs --rate");
                    }
                    limit = Optional.of(new RateLimit(perSecond,
                            burst != null ? burst : (int) Math.min(RateLimit.MAX, 2L * perSecond)));
                }
                command = new CreateApiKeyCommand(name, chosen, limit);
            } catch (InvalidFieldException e) {
                return fail(spec, ExitCode.USAGE, e.getMessage());
            }
            CreatedApiKey created;
            try (TandemSession session = launcher.openSession()) {
                created = session.useCases().createApiKey().create(command);
            }
            ApiKey key = created.key();
            out.println(created.token());
            spec.commandLine().getErr().printf("Created key %s (%s) with scopes %s. This is the only time it is "
                    + "shown.%n", key.id().value(), key.name(), labels(key));
            return ExitCode.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List every key, revoked ones too, without secrets.")
    static final class ListCommand implements Callable<Integer> {

        private final TandemLauncher launcher;
        private final PrintStream out;

        ListCommand(TandemLauncher launcher, PrintStream out) {
            this.launcher = Objects.requireNonNull(launcher, "launcher");
            this.out = Objects.requireNonNull(out, "out");
        }

        @Override
        public Integer call() {
            List<ApiKey> keys;
            try (TandemSession session = launcher.openSession()) {
                keys = session.useCases().listApiKeys().list();
            }
            out.printf(Locale.ROOT, "%-12s  %-20s  %-20s  %-20s  %-12s  %s%n", "ID", "SCOPES", "CREATED", "REVOKED",
                    "RATE/BURST", "NAME");
            for (ApiKey key : keys) {
                out.printf(Locale.ROOT, "%-12s  %-20s  %-20s  %-20s  %-12s  %s%n", key.id().value(), labels(key),
                        seconds(key.createdAt()), key.revokedAt().map(KeysCommand::seconds).orElse("-"),
                        key.rateLimit().map(limit -> limit.perSecond() + "/" + limit.burst()).orElse("default"),
                        key.name());
            }
            if (keys.isEmpty()) {
                out.println("(no keys; create one with: tandem keys create --scope serve --name web)");
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke a key by its id (the part after tdm_, as `keys list` shows it).")
    static final class RevokeCommand implements Callable<Integer> {

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", description = "The key's id.")
        private String id;

        private final TandemLauncher launcher;
        private final PrintStream out;

        RevokeCommand(TandemLauncher launcher, PrintStream out) {
            this.launcher = Objects.requireNonNull(launcher, "launcher");
            this.out = Objects.requireNonNull(out, "out");
        }

        @Override
        public Integer call() {
            RevokeApiKeyCommand command;
            try {
                command = new RevokeApiKeyCommand(id);
            } catch (InvalidFieldException e) {
                return fail(spec, ExitCode.USAGE, e.getMessage());
            }
            boolean existed;
            try (TandemSession session = launcher.openSession()) {
                existed = session.useCases().revokeApiKey().revoke(command);
            }
            if (!existed) {
                return fail(spec, ExitCode.SOFTWARE, "no key with id " + id);
            }
            out.println("Revoked key " + id + ".");
            return ExitCode.OK;
        }
    }

    private static String labels(ApiKey key) {
        return key.scopes().stream().map(Scope::label).collect(Collectors.joining(","));
    }

    private static String seconds(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }
}
