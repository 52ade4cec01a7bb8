package io.tandem.domain.retrieval;

/** How a nearest-neighbour index compares a query vector with item vectors; higher always means closer. */
public enum VectorSimilarity {

    /** The plain dot product, which is what a factor model such as iALS scores a user and an item by. */
    DOT_PRODUCT,

    /** The cosine of the angle, which ignores vector lengths (and so item popularity folded into them). */
    COSINE
}
