package io.tandem.domain.model;

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
}
