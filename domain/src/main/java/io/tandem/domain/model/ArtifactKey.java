package io.tandem.domain.model;

import io.tandem.domain.InvalidFieldException;

import java.net.URI;
import java.util.Optional;

/**
 * Names one file of one model version in an artifact store, laid out as {@code models/<name>/<version>/<file>}
 * in every store (local folder or S3 bucket), so either store holds the same tree.
 */
public record ArtifactKey(String model, String version, String file) {

    public static final String ROOT = "models";

    public ArtifactKey {
        model = ModelNames.require("name", model);
        version = ModelNames.require("version", version);
        file = ModelNames.require("file", file);
    }

    /** The key's path relative to the store's root, with forward slashes. */
    public String path() {
        return ROOT + "/" + model + "/" + version + "/" + file;
    }

    /**
     * The key a store's URI names, read from the last four segments of its path ({@code models/<name>/<version>/
     * <file>}), whatever folder or bucket the store lives in; empty when the URI does not end that way. Answers show
     * this store-relative key, never the URI, which holds the host's paths (ADR-0019).
     */
    public static Optional<ArtifactKey> of(URI uri) {
        String path = uri.getPath();
        if (path == null) {
            return Optional.empty();
        }
        String[] segments = path.split("/", -1);
        int n = segments.length;
        if (n < 4 || !ROOT.equals(segments[n - 4])) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ArtifactKey(segments[n - 3], segments[n - 2], segments[n - 1]));
        } catch (InvalidFieldException e) {
            return Optional.empty();
        }
    }
}
