package io.tandem.adapters.in.cli;

import picocli.CommandLine.Option;

import java.util.Optional;

/** {@code --profile NAME}, shared by the commands that start on the configuration: it wins over TANDEM_PROFILE. */
final class ProfileOption {

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Configuration profile, e.g. production (default: TANDEM_PROFILE; none: embedded).")
    private String name;

    Optional<String> name() {
        return Optional.ofNullable(name);
    }
}
