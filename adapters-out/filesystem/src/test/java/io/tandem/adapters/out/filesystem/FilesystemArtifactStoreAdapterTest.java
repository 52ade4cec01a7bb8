package io.tandem.adapters.out.filesystem;

import io.tandem.application.registry.port.out.ModelArtifactStoreContract;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.model.ArtifactKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The artifact store contract on a local folder, and what the folder adds: files lie at
 * {@code models/<name>/<version>/<file>} under it, with no temporary file left, and a file outside it is refused.
 */
class FilesystemArtifactStoreAdapterTest extends ModelArtifactStoreContract {

    @TempDir
    Path root;

    private FilesystemArtifactStoreAdapter store() {
        return new FilesystemArtifactStoreAdapter(root);
    }

    @Override
    protected Artifacts emptyStore() {
        return Artifacts.of(store());
    }

    /** Another instance on the same folder, reached by another spelling of its path. */
    @Override
    protected Artifacts secondClient(Artifacts store) {
        return Artifacts.of(new FilesystemArtifactStoreAdapter(root.resolve("..").resolve(root.getFileName())));
    }

    @Override
    protected Iterable<URI> foreignUris(Artifacts store) {
        return List.of(root.resolve("secret.txt").toUri(), URI.create(root.toUri() + "models/../secret.txt"),
                URI.create("s3://bucket/models/ranker/v1/model.onnx"));
    }

    @Test
    void storesUnderModelsNameVersionFileAndLeavesNoTemporaryFiles() throws IOException {
        ArtifactKey key = new ArtifactKey("ranker", "2026-11-20.1", "schema.json");
        store().store(key, "first".getBytes(StandardCharsets.UTF_8));

        URI uri = store().store(key, "second".getBytes(StandardCharsets.UTF_8));

        assertThat(uri.getScheme()).isEqualTo("file");
        assertThat(Path.of(uri)).isEqualTo(root.toAbsolutePath().normalize()
                .resolve("models/ranker/2026-11-20.1/schema.json"));
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile).map(f -> root.relativize(f).toString()))
                    .containsExactly("models/ranker/2026-11-20.1/schema.json");
        }
    }

    @Test
    void refusesAnExistingFileOutsideTheStore() throws IOException {
        Path outside = Files.writeString(root.resolve("secret.txt"), "no");

        assertThatThrownBy(() -> store().load(outside.toUri()))
                .isInstanceOf(InvalidFieldException.class)
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("artifactUri");
    }
}
