package io.tandem.adapters.out.minio;

import io.minio.GetObjectArgs;
import io.minio.PutObjectArgs;
import io.tandem.application.registry.port.out.LoadModelArtifactPort;
import io.tandem.application.registry.port.out.StoreModelArtifactPort;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.model.ArtifactKey;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * Model artifacts in an S3 bucket, laid out as in the local-folder store:
 * {@code <prefix>models/<name>/<version>/<file>}, named by {@code s3://<bucket>/<key>} URIs. S3 shows an upload
 * whole or not at all and replaces an object of the same key, so storing a file again never mixes two versions.
 */
public final class MinioArtifactStoreAdapter implements StoreModelArtifactPort, LoadModelArtifactPort, AutoCloseable {

    private static final String CONTENT_TYPE = "application/octet-stream";
    private static final String SCHEME = "s3";

    private final MinioBucket bucket;
    private final String modelsPrefix;

    /**
     * Builds its own client; {@link #close()} releases it. The lake's settings work: models then sit beside
     * the events, under the same prefix.
     */
    public MinioArtifactStoreAdapter(MinioLakeSettings settings) {
        this.bucket = new MinioBucket(settings);
        this.modelsPrefix = settings.prefix() + ArtifactKey.ROOT + "/";
    }

    @Override
    public URI store(ArtifactKey key, byte[] content) {
        Objects.requireNonNull(content, "content");
        String object = bucket.settings().prefix() + key.path();
        bucket.ensureExists();
        bucket.call("uploading " + object, () -> bucket.client().putObject(PutObjectArgs.builder()
                .bucket(bucket.name())
                .object(object)
                .stream(new ByteArrayInputStream(content), content.length, -1)
                .contentType(CONTENT_TYPE)
                .build()));
        try {
            // The multi-argument constructor quotes what a prefix may hold that a URI may not.
            return new URI(SCHEME, bucket.name(), "/" + object, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bucket '" + bucket.name() + "' and key '" + object
                    + "' make no URI", e);
        }
    }

    @Override
    public byte[] load(URI artifactUri) {
        String object = objectOf(artifactUri);
        return bucket.call("downloading " + object, () -> {
            try (InputStream in = bucket.client().getObject(GetObjectArgs.builder()
                    .bucket(bucket.name())
                    .object(object)
                    .build())) {
                return in.readAllBytes();
            }
        });
    }

    /** The object key a URI names, refusing anything outside this store's models prefix. */
    private String objectOf(URI uri) {
        Objects.requireNonNull(uri, "artifactUri");
        if (!SCHEME.equalsIgnoreCase(uri.getScheme()) || !bucket.name().equals(uri.getAuthority())
                || uri.getPath() == null || !uri.getPath().startsWith("/")) {
            throw new InvalidFieldException("artifactUri", "'" + uri + "' is not an s3://" + bucket.name()
                    + "/ URI of this artifact store");
        }
        String object = uri.getPath().substring(1);
        if (!object.startsWith(modelsPrefix) || object.contains("/../") || object.contains("/./")) {
            throw new InvalidFieldException("artifactUri", "'" + uri + "' lies outside the artifact store s3://"
                    + bucket.name() + "/" + modelsPrefix);
        }
        return object;
    }

    /** Releases the client's HTTP connections and threads. */
    @Override
    public void close() {
        bucket.close();
    }
}
