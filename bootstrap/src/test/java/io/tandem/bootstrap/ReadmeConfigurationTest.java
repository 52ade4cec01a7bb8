package io.tandem.bootstrap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Configuration section against what the application reads: every property it names exists, every
 * environment variable it names (there and in "Production on one machine") is one the application reads, for the
 * property beside it in a table, and every property of the configuration records and adapter choices is documented
 * there.
 *
 * <p>What the application reads: the configuration records (Micronaut's compile-time metadata), the adapter choices,
 * the properties bootstrap reads by name ({@code @Property}, {@code @Requires}, {@code ${...}} and constants), and the
 * framework properties application.yml sets for the database and the HTTP port.
 */
class ReadmeConfigurationTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern VARIABLE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+");
    private static final Pattern PROPERTY = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9<>*-]+)+");
    private static final Pattern READ_BY_NAME = Pattern.compile(
            "(?:@Property\\(name = \"|@Requires\\(property = \"|\\$\\{|static final String [A-Z_]+ = \")"
                    + "(tandem\\.[a-z0-9.-]+)");
    private static final List<Profile> PROFILES = List.of(Profile.EMBEDDED,
            new Profile(Optional.of(Profile.PRODUCTION)));

    private static List<String> section;
    private static String production;
    private static Set<String> read;

    @BeforeAll
    static void readTheReadmeAndTheApplication() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        section = section(readme, "Configuration").lines().toList();
        production = section(readme, "Production on one machine");

        read = new TreeSet<>(ConfigurationMetadata.load().properties().keySet());
        Arrays.stream(AdapterChoice.values()).map(AdapterChoice::property).forEach(read::add);
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher byName = READ_BY_NAME.matcher(Files.readString(source));
                while (byName.find()) {
                    read.add(byName.group(1));
                }
            }
        }
        String yaml = Files.readString(Path.of("src/main/resources/application.yml"));
        for (String framework : List.of("datasources.default.url", "datasources.default.username",
                "datasources.default.password", "micronaut.server.port", "micronaut.server.max-request-size",
                "micronaut.executors.serving.n-threads")) {
            // Read by Micronaut itself; application.yml sets each of them.
            assertThat(yaml).contains(framework.substring(framework.lastIndexOf('.') + 1) + ":");
            read.add(framework);
        }
    }

    @Test
    void everyPropertyTheReadmeNamesIsReadByTheApplication() {
        List<String> unknown = new ArrayList<>();
        for (String property : documentedProperties()) {
            boolean known = property.endsWith(".*")
                    ? read.stream().anyMatch(p -> p.startsWith(property.substring(0, property.length() - 1)))
                    : read.contains(property);
            if (!known) {
                unknown.add(property);
            }
        }
        assertThat(unknown).as("properties in the README that the application does not read").isEmpty();
    }

    @Test
    void everyPropertyTheApplicationReadsIsInTheReadme() {
        Set<String> documented = documentedProperties();
        List<String> missing = read.stream().filter(p -> p.startsWith("tandem."))
                .filter(p -> !documented.contains(p) && documented.stream().noneMatch(d -> d.endsWith(".*")
                        && p.startsWith(d.substring(0, d.length() - 1))))
                .toList();
        assertThat(missing).as("properties the application reads that the README does not name").isEmpty();
    }

    @Test
    void everyVariableInATableIsTheOneTheApplicationReadsForThePropertyBesideIt() {
        List<String> wrong = new ArrayList<>();
        int rows = 0;
        for (String line : section) {
            List<String> cells = cells(line);
            int column = cells.indexOf("variable");
            if (column >= 0 || cells.isEmpty()) {
                continue;
            }
            Set<String> properties = properties(cells.get(0));
            Set<String> expected = new TreeSet<>();
            for (String property : properties) {
                PROFILES.forEach(profile -> expected.add(Setting.of(property, profile).variable()));
            }
            for (String variable : variables(String.join("|", cells))) {
                rows++;
                if (!expected.contains(variable)) {
                    wrong.add(variable + " beside " + properties + " (expected one of " + expected + ")");
                }
            }
        }
        assertThat(rows).as("variables found in the tables").isGreaterThan(10);
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyVariableInTheSectionIsReadByTheApplicationOrTheLauncher() throws IOException {
        Set<String> readVariables = new TreeSet<>();
        for (String property : read) {
            PROFILES.forEach(profile -> readVariables.add(Setting.of(property, profile).variable()));
        }
        readVariables.add(Profile.VARIABLE);
        String launcher = Files.readString(ROOT.resolve("tandem"));
        String logback = Files.readString(Path.of("src/main/resources/logback.xml"));
        List<String> unknown = variables(String.join("\n", section) + production).stream()
                .filter(variable -> !readVariables.contains(variable) && !launcher.contains("${" + variable)
                        && !logback.contains("${" + variable))
                .toList();
        assertThat(unknown).isEmpty();
    }

    @Test
    void theShortNamesAreWhatTheConfigurationFilesRead() throws IOException {
        String files = Files.readString(Path.of("src/main/resources/application.yml"))
                + Files.readString(Path.of("src/main/resources/application-production.yml"));
        for (String property : read) {
            for (Profile profile : PROFILES) {
                String variable = Setting.of(property, profile).variable();
                if (!variable.equals(Setting.variableOf(property))) {
                    assertThat(files).as("a configuration file reads %s for %s", variable, property)
                            .contains("${" + variable + ":");
                }
            }
        }
    }

    private static String section(String readme, String title) {
        int start = readme.indexOf("\n## " + title + "\n");
        assertThat(start).as("README has a section %s", title).isPositive();
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    /** The properties of the first column of every table, {@code .x} shorthand expanded, {@code <type>} dropped. */
    private static Set<String> documentedProperties() {
        Set<String> documented = new TreeSet<>();
        for (String line : section) {
            List<String> cells = cells(line);
            if (!cells.isEmpty() && !cells.get(0).equals("property")) {
                documented.addAll(properties(cells.get(0)));
            }
        }
        assertThat(documented).as("properties found in the README tables").hasSizeGreaterThan(40);
        return documented;
    }

    private static Set<String> properties(String cell) {
        Set<String> found = new LinkedHashSet<>();
        String parent = "";
        Matcher code = CODE.matcher(cell);
        while (code.find()) {
            String token = code.group(1).strip();
            if (token.startsWith(".") && !parent.isEmpty()) {
                token = parent + token;
            }
            if (!PROPERTY.matcher(token).matches()) {
                continue;
            }
            token = token.replace(".<type>", "");
            parent = token.substring(0, token.lastIndexOf('.'));
            found.add(token);
        }
        return found;
    }

    private static List<String> cells(String line) {
        if (!line.startsWith("|") || line.startsWith("|---")) {
            return List.of();
        }
        return Arrays.stream(line.substring(1, line.length() - 1).split("\\|")).map(String::strip).toList();
    }

    private static List<String> variables(String text) {
        List<String> found = new ArrayList<>();
        Matcher code = CODE.matcher(text);
        while (code.find()) {
            if (VARIABLE.matcher(code.group(1)).matches()) {
                found.add(code.group(1));
            }
        }
        return found;
    }
}
