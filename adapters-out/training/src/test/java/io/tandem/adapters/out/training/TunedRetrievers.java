package io.tandem.adapters.out.training;

import io.tandem.application.service.Retriever;

import java.util.List;

/** The four retrievers with their tuned defaults, wired the way bootstrap wires them. */
final class TunedRetrievers {

    private TunedRetrievers() {
    }

    static List<Retriever> all() {
        return List.of(
                new Retriever("popularity", new PopularityRetrieverAdapter(PopularityParameters.mostPopular())),
                new Retriever("item-knn", new ItemKnnRetrieverAdapter(ItemKnnParameters.defaults())),
                new Retriever("ials", new IalsRetrieverAdapter(IalsParameters.defaults())),
                new Retriever("ease", new EaseRetrieverAdapter(EaseParameters.defaults())));
    }
}
