package io.tandem.bootstrap;

import io.tandem.adapters.in.cli.LaunchFailedException;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The configuration profile a command runs on: none (the embedded defaults of application.yml) or a named one
 * whose application-NAME.yml overrides them, such as {@code production}. {@code --profile} wins over
 * {@code TANDEM_PROFILE}; a name without its file is refused rather than silently running embedded.
 */
record Profile(Optional<String> name) {

    static final String VARIABLE = "TANDEM_PROFILE";
    static final String PRODUCTION = "production";
    /** The profiles with a configuration file of their own. */
    static final List<String> KNOWN = List.of(PRODUCTION);
    static final Profile EMBEDDED = new Profile(Optional.empty());

    /**
     * @param option      the command's {@code --profile}, if given
     * @param environment reads an environment variable ({@code System::getenv})
     * @throws LaunchFailedException naming where the unknown name came from
     */
    static Profile chosen(Optional<String> option, UnaryOperator<String> environment) {
        Optional<String> fromOption = option.map(String::strip).filter(name -> !name.isEmpty());
        Optional<String> name = fromOption.or(() -> Optional.ofNullable(environment.apply(VARIABLE))
                .map(String::strip).filter(value -> !value.isEmpty()));
        if (name.isPresent() && !KNOWN.contains(name.get())) {
            String source = fromOption.isPresent() ? "--profile " + name.get() : VARIABLE + "=" + name.get();
            throw new LaunchFailedException(source + ": unknown profile; known: " + String.join(", ", KNOWN)
                    + " (or none for the embedded defaults)", LaunchFailedException.INVALID_CONFIGURATION);
        }
        return new Profile(name);
    }

    boolean production() {
        return name.filter(PRODUCTION::equals).isPresent();
    }

    @Override
    public String toString() {
        return name.orElse("none (embedded defaults)");
    }
}
