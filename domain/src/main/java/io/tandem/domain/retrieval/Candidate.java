package io.tandem.domain.retrieval;

import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.InvalidFieldException;

import java.util.Objects;

/** An item proposed for ranking by a retriever ({@code source}), with that retriever's score. */
public record Candidate(ItemId item, String source, double retrievalScore) {

    public Candidate {
        Objects.requireNonNull(item, "item");
        source = InvalidFieldException.requireText("source", source);
    }
}
