package io.tandem.domain.evaluation;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.retrieval.ItemFacets;

import java.util.List;
import java.util.Objects;

/**
 * A data set prepared for offline evaluation: its folds under one protocol (for example the five MovieLens
 * files, or a temporal split) and what is known about its items. The catalogue is every item index.
 */
public record EvaluationDataset(String name, String protocol, ItemFacets items, List<Fold> folds) {

    public EvaluationDataset {
        name = InvalidFieldException.requireText("dataset", name);
        protocol = InvalidFieldException.requireText("protocol", protocol);
        Objects.requireNonNull(items, "items");
        folds = List.copyOf(Objects.requireNonNull(folds, "folds"));
        if (folds.isEmpty()) {
            throw new InvalidFieldException("folds", "at least one fold is needed");
        }
        for (Fold fold : folds) {
            if (fold.train().itemCount() != items.itemCount()
                    || fold.train().userCount() != folds.get(0).train().userCount()) {
                throw new InvalidFieldException("folds", "every fold must index the same users and the items' "
                        + items.itemCount() + " items");
            }
        }
    }

    public int userCount() {
        return folds.get(0).train().userCount();
    }

    public int itemCount() {
        return items.itemCount();
    }
}
