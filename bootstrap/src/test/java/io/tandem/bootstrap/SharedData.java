package io.tandem.bootstrap;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the public data sets that live beside the repository ({@code ../shared/data}, never inside it: their
 * licences forbid redistribution), or in {@code $TANDEM_SHARED_DATA}; tests that need one are skipped without it.
 */
final class SharedData {

    static final String VARIABLE = "TANDEM_SHARED_DATA";

    private SharedData() {
    }

    /** The data set folder, or a skipped test that says where it was looked for. */
    static Path require(String dataset) {
        Optional<Path> folder = find(dataset);
        Assumptions.assumeTrue(folder.isPresent(), () -> "Skipped: data set '" + dataset + "' not found in "
                + root().map(Path::toString).orElse("any shared/data folder beside the repository (walking up from "
                + System.getProperty("user.dir") + ")") + "; set $" + VARIABLE
                + " to the folder that holds it. It is not shipped with Tandem (licence).");
        return folder.get();
    }

    static Optional<Path> find(String dataset) {
        return root().map(root -> root.resolve(dataset)).filter(Files::isDirectory);
    }

    private static Optional<Path> root() {
        String variable = System.getenv(VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return Optional.of(Path.of(variable));
        }
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
