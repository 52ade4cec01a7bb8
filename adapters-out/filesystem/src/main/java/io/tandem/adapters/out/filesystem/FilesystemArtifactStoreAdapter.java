package io.tandem.adapters.out.filesystem;

import io.tandem.application.registry.port.out.LoadModelArtifactPort;
import io.tandem.application.registry.port.out.StoreModelArtifactPort;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.model.ArtifactKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Model artifacts in a local folder, laid out as in the S3 store: {@code <root>/models/<name>/<version>/<file>}.
 * Each file is written to a hidden temporary sibling, synced, then atomically renamed over its final name, so a
 * reader never loads half a model. Artifacts are named by {@code file:} URIs.
 */
public final class FilesystemArtifactStoreAdapter implements StoreModelArtifactPort, LoadModelArtifactPort {

    private final Path root;
    private final Path models;

    /** @param root the store's folder (the lake's root works: models sit beside events); created when missing */
    public FilesystemArtifactStoreAdapter(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        this.models = this.root.resolve(ArtifactKey.ROOT);
    }

    @Override
    public URI store(ArtifactKey key, byte[] content) {
        Objects.requireNonNull(content, "content");
        Path target = root.resolve(key.path());
        try {
            AtomicFiles.write(target, file -> Files.write(file, content));
        } catch (IOException e) {
            throw new UncheckedIOException("storing artifact " + key.path() + " in " + root + " failed", e);
        }
        return target.toUri();
    }

    @Override
    public byte[] load(URI artifactUri) {
        Path file = pathOf(artifactUri);
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("reading artifact " + artifactUri + " failed", e);
        }
    }

    /** The file a URI names, refusing anything outside this store's models folder. */
    private Path pathOf(URI uri) {
        Objects.requireNonNull(uri, "artifactUri");
        if (!"file".equalsIgnoreCase(uri.getScheme())) {
            throw new InvalidFieldException("artifactUri", "'" + uri + "' is not a file: URI of this artifact store");
        }
        Path path;
        try {
            path = Path.of(uri).toAbsolutePath().normalize();
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            throw new InvalidFieldException("artifactUri", "'" + uri + "' is not a usable file URI");
        }
        if (!path.startsWith(models)) {
            throw new InvalidFieldException("artifactUri", "'" + uri + "' lies outside the artifact store " + models);
        }
        return path;
    }
}
