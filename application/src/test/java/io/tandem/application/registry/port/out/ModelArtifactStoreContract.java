package io.tandem.application.registry.port.out;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.model.ArtifactKey;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every artifact store promises, run by each adapter's test: a stored file loads back byte for byte by the URI
 * the store returned, also through a second client of the same store; storing the same key again replaces the file;
 * a URI that is not one of this store's artifacts is refused naming {@code artifactUri}; a missing artifact fails as
 * an {@link UncheckedIOException}.
 */
public abstract class ModelArtifactStoreContract {

    /** The two artifact ports, as one adapter implements them. */
    public interface Artifacts extends StoreModelArtifactPort, LoadModelArtifactPort {

        /** The store that {@code adapter} is. */
        static <A extends StoreModelArtifactPort & LoadModelArtifactPort> Artifacts of(A adapter) {
            return new Artifacts() {
                @Override
                public URI store(ArtifactKey key, byte[] content) {
                    return adapter.store(key, content);
                }

                @Override
                public byte[] load(URI artifactUri) {
                    return adapter.load(artifactUri);
                }
            };
        }
    }

    /** An empty store for one test. */
    protected abstract Artifacts emptyStore();

    /** A second client of the store {@link #emptyStore()} returned last, as a restarted process would open it. */
    protected abstract Artifacts secondClient(Artifacts store);

    /** URIs that look like artifacts but are not this store's: another place, another scheme, an escape. */
    protected abstract Iterable<URI> foreignUris(Artifacts store);

    @Test
    void aStoredFileLoadsBackByteForByteByTheReturnedUriAlsoAfterARestart() {
        Artifacts store = emptyStore();
        byte[] model = new byte[3 * 1024 * 1024 + 17];
        new Random(1).nextBytes(model);
        byte[] schema = {0, 1, 2, (byte) 0xff, 42};

        URI modelUri = store.store(new ArtifactKey("ranker", "2026-11-20.1", "model.onnx"), model);
        URI schemaUri = store.store(new ArtifactKey("ranker", "2026-11-20.1", "schema.json"), schema);

        assertThat(modelUri.isAbsolute()).isTrue();
        assertThat(modelUri.getPath()).endsWith("/models/ranker/2026-11-20.1/model.onnx");
        assertThat(schemaUri).isNotEqualTo(modelUri);
        assertThat(store.load(modelUri)).isEqualTo(model);
        assertThat(store.load(schemaUri)).isEqualTo(schema);
        assertThat(secondClient(store).load(modelUri)).isEqualTo(model);
    }

    @Test
    void storingTheSameKeyAgainReplacesTheFileUnderTheSameUri() {
        Artifacts store = emptyStore();
        ArtifactKey key = new ArtifactKey("ranker", "v1", "schema.json");
        URI first = store.store(key, "first".getBytes(StandardCharsets.UTF_8));

        URI second = store.store(key, "second".getBytes(StandardCharsets.UTF_8));

        assertThat(second).isEqualTo(first);
        assertThat(new String(store.load(first), StandardCharsets.UTF_8)).isEqualTo("second");
    }

    @Test
    void anEmptyFileIsStoredAndLoaded() {
        Artifacts store = emptyStore();

        URI uri = store.store(new ArtifactKey("ranker", "v1", "empty.bin"), new byte[0]);

        assertThat(store.load(uri)).isEmpty();
    }

    @Test
    void urisThatAreNotThisStoresArtifactsAreRefusedNamingTheField() {
        Artifacts store = emptyStore();
        store.store(new ArtifactKey("ranker", "v1", "model.onnx"), new byte[] {1});

        for (URI foreign : foreignUris(store)) {
            assertThatThrownBy(() -> store.load(foreign)).as(foreign.toString())
                    .isInstanceOf(InvalidFieldException.class)
                    .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("artifactUri");
        }
    }

    @Test
    void aMissingArtifactFailsToLoad() {
        Artifacts store = emptyStore();
        URI stored = store.store(new ArtifactKey("ranker", "v1", "model.onnx"), new byte[] {1});
        URI missing = URI.create(stored.toString().replace("/ranker/v1/", "/ranker/v2/"));

        assertThatThrownBy(() -> store.load(missing)).isInstanceOf(UncheckedIOException.class);
    }
}
