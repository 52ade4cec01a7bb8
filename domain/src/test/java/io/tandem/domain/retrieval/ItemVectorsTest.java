package io.tandem.domain.retrieval;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.ItemId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ItemVectorsTest {

    private static final List<ItemId> TWO = List.of(ItemId.of("a"), ItemId.of("b"));

    @Test
    void takesTheItemSideOfEmbeddings() {
        Embeddings embeddings = new Embeddings(2, new float[] {9, 9}, new float[] {1, 2, 3, 4});

        ItemVectors vectors = ItemVectors.of(TWO, embeddings);

        assertThat(vectors.size()).isEqualTo(2);
        assertThat(vectors.vectors()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void rejectsMismatchedLengthsRepeatedIdsAndNonFiniteValues() {
        assertThatThrownBy(() -> new ItemVectors(TWO, 2, new float[3]))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("vectors"));
        assertThatThrownBy(() -> new ItemVectors(List.of(ItemId.of("a"), ItemId.of("a")), 1, new float[2]))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("items"));
        assertThatThrownBy(() -> new ItemVectors(TWO, 1, new float[] {0, Float.NaN}))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("vectors"));
    }

    @Test
    void aQueryMustMatchItsIndexAndAskForAPositiveCount() {
        ItemIndexHandle index = new ItemIndexHandle("i", 2, 2, VectorSimilarity.DOT_PRODUCT);
        float[] buffer = {1, 0};

        NearestItemsQuery query = new NearestItemsQuery(index, buffer, 1, Set.of());
        buffer[0] = 5;

        assertThat(query.vector()).containsExactly(1, 0);
        assertThatThrownBy(() -> new NearestItemsQuery(index, new float[3], 1, Set.of()))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("vector"));
        assertThatThrownBy(() -> new NearestItemsQuery(index, buffer, 0, Set.of()))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("count"));
    }
}
