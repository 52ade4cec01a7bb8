package io.tandem.application.serving;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.ranking.ItemStats;
import io.tandem.domain.retrieval.ItemFacets;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServingBundleTest {

    static final byte[] RANKER = "a ranker artifact, as exported at training".getBytes(StandardCharsets.UTF_8);

    @Test
    void keepsEverythingServingNeedsWithTheRankersDigestThroughEncoding() {
        ServingBundle bundle = bundle(RANKER);

        ServingBundle decoded = ServingBundle.decode(bundle.encode());

        assertThat(decoded.itemIds()).containsExactly(ItemId.of("a"), ItemId.of("b"), ItemId.of("c"));
        assertThat(decoded.retrieverNames()).containsExactly("popular");
        assertThat(decoded.retrievers()).singleElement().isEqualTo(new byte[] {7, 8});
        assertThat(decoded.stats().count()).containsExactly(3, 2, 1);
        assertThat(decoded.candidatesPerRetriever()).isEqualTo(2);
        assertThat(decoded.rankerSha256()).isEqualTo(ServingBundle.sha256(RANKER)).hasSize(32);
    }

    @Test
    void recognisesOnlyTheRankerItWasTrainedWith() {
        ServingBundle bundle = ServingBundle.decode(bundle(RANKER).encode());
        byte[] flipped = RANKER.clone();
        flipped[flipped.length / 2] ^= 0x40;

        assertThat(bundle.matchesRanker(RANKER.clone())).isTrue();
        assertThat(bundle.matchesRanker(flipped)).isFalse();
        assertThat(bundle.matchesRanker(Arrays.copyOf(RANKER, RANKER.length - 1))).isFalse();
        assertThat(bundle.matchesRanker(new byte[0])).isFalse();
    }

    @Test
    void aBundleFromBeforeTheRankersChecksumIsRefusedSayingWhatToDo() {
        byte[] formatOne = formatOne(bundle(RANKER).encode());

        assertThatThrownBy(() -> ServingBundle.decode(formatOne))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo("artifact");
                    assertThat(e.reason()).isEqualTo("serving.bin is format 1, written before the ranker's checksum "
                            + "was recorded; this build reads format 2 only: train the model again");
                });
    }

    @Test
    void aBundleOfAnotherFormatOrAlteredIsRefusedAsTheArtifact() {
        byte[] encoded = bundle(RANKER).encode();
        byte[] future = encoded.clone();
        ByteBuffer.wrap(future).putInt(4, 3);
        byte[] flipped = encoded.clone();
        flipped[flipped.length / 2] ^= 0x40;

        assertThatThrownBy(() -> ServingBundle.decode(reseal(future)))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.reason())
                        .isEqualTo("serving.bin is format 3; this build reads format 2 only"));
        assertThatThrownBy(() -> ServingBundle.decode(flipped))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.reason()).isEqualTo("serving.bin is corrupt: its checksum does not match"));
    }

    @Test
    void needsAWholeSha256OfTheRanker() {
        assertThatThrownBy(() -> new ServingBundle(List.of(ItemId.of("a")), ItemFacets.none(1),
                new ItemStats(new int[1], new double[1], new long[1], new double[1]), 1, List.of(), List.of(),
                new byte[20]))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo("artifact");
                    assertThat(e.reason()).contains("32-byte SHA-256", "20 bytes");
                });
    }

    /** Three items, one retriever, two candidates per retriever, and the digest of {@code ranker}. */
    static ServingBundle bundle(byte[] ranker) {
        return new ServingBundle(List.of(ItemId.of("a"), ItemId.of("b"), ItemId.of("c")), ItemFacets.none(3),
                new ItemStats(new int[] {3, 2, 1}, new double[] {10, 20, 30}, new long[] {1, 2, 3},
                        new double[] {1, 1, 1}), 2, List.of("popular"), List.of(new byte[] {7, 8}),
                ServingBundle.sha256(ranker));
    }

    /** {@code formatTwo} as the previous build wrote it: format 1, without the ranker's digest, sealed again. */
    static byte[] formatOne(byte[] formatTwo) {
        byte[] body = new byte[formatTwo.length - 8 - 32];
        System.arraycopy(formatTwo, 0, body, 0, 8);
        System.arraycopy(formatTwo, 8 + 32, body, 8, body.length - 8);
        ByteBuffer.wrap(body).putInt(4, 1);
        return seal(body);
    }

    /** {@code sealed} with its CRC-32 computed again over its (edited) body. */
    private static byte[] reseal(byte[] sealed) {
        return seal(Arrays.copyOf(sealed, sealed.length - 8));
    }

    private static byte[] seal(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return ByteBuffer.allocate(body.length + 8).put(body).putLong(crc.getValue()).array();
    }
}
