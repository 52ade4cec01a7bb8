package io.tandem.adapters.out.filesystem;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.model.ArtifactKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilesystemArtifactStoreAdapterTest {

    @TempDir
    Path root;

    private FilesystemArtifactStoreAdapter store() {
        return new FilesystemArtifactStoreAdapter(root);
    }

    @Test
    void storesUnderModelsNameVersionFileAndLoadsBackByTheReturnedUri() throws IOException {
        byte[] model = {0, 1, 2, (byte) 0xff, 42};

        URI uri = store().store(new ArtifactKey("ranker", "2026-11-20.1", "model.onnx"), model);

        assertThat(uri.getScheme()).isEqualTo("file");
        assertThat(Path.of(uri)).isEqualTo(root.toAbsolutePath().normalize()
                .resolve("models/ranker/2026-11-20.1/model.onnx"));
        assertThat(store().load(uri)).isEqualTo(model);
        // A second instance on the same folder (a restart) reads it too.
        assertThat(new FilesystemArtifactStoreAdapter(root.resolve("..").resolve(root.getFileName())).load(uri))
                .isEqualTo(model);
    }

    @Test
    void storingAgainReplacesTheFileAndLeavesNoTemporaryFiles() throws IOException {
        ArtifactKey key = new ArtifactKey("ranker", "v1", "schema.json");
        store().store(key, "first".getBytes(StandardCharsets.UTF_8));

        URI uri = store().store(key, "second".getBytes(StandardCharsets.UTF_8));

        assertThat(new String(store().load(uri), StandardCharsets.UTF_8)).isEqualTo("second");
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile).map(f -> root.relativize(f).toString()))
                    .containsExactly("models/ranker/v1/schema.json");
        }
    }

    @Test
    void refusesUrisOutsideTheStoreNamingTheField() throws IOException {
        Path outside = Files.writeString(root.resolve("secret.txt"), "no");

        assertThatThrownBy(() -> store().load(outside.toUri()))
                .isInstanceOf(InvalidFieldException.class)
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("artifactUri");
        assertThatThrownBy(() -> store().load(URI.create(root.toUri() + "models/../secret.txt")))
                .isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> store().load(URI.create("s3://bucket/models/ranker/v1/model.onnx")))
                .isInstanceOf(InvalidFieldException.class);
    }

    @Test
    void aMissingArtifactFailsToLoad() {
        URI missing = root.resolve("models/ranker/v9/model.onnx").toUri();

        assertThatThrownBy(() -> store().load(missing)).isInstanceOf(UncheckedIOException.class);
    }
}
