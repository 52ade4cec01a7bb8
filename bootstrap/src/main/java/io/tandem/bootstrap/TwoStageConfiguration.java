package io.tandem.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.tandem.application.training.TwoStageSettings;
import io.tandem.domain.InvalidFieldException;
import io.tandem.application.training.port.out.RankerParameters;

/**
 * {@code tandem.two-stage.*}: the shape of the two-stage system that {@code train} and {@code evaluate} build:
 * {@code candidates-per-retriever} items from each retriever's top list (the candidates serving ranks are their
 * union), training groups of the {@code top-candidates} best-ranked candidates plus {@code random-items}
 * random unseen items, {@code bags} rankers averaged, and each ranker's {@code ranker-rounds},
 * {@code ranker-max-depth}, {@code ranker-learning-rate} and {@code ranker-early-stopping-rounds} (rounds without
 * a better validation NDCG@10 before a ranker stops; 0 trains every round, so a ranker's size no longer depends on
 * the data: what comparable benchmark runs need), and {@code max-ranker-trees}, the bound on the served
 * ranker's trees over all bags, which bounds its cost per candidate (ADR-0038). The defaults are those of
 * {@link TwoStageSettings#defaults()}.
 */
@ConfigurationProperties("tandem.two-stage")
record TwoStageConfiguration(@Bindable(defaultValue = "50") int candidatesPerRetriever,
                             @Bindable(defaultValue = "40") int topCandidates,
                             @Bindable(defaultValue = "10") int randomItems,
                             @Bindable(defaultValue = "1000000") int maxRankerRows,
                             @Bindable(defaultValue = "5") int bags,
                             @Bindable(defaultValue = "300") int rankerRounds,
                             @Bindable(defaultValue = "4") int rankerMaxDepth,
                             @Bindable(defaultValue = "0.1") double rankerLearningRate,
                             @Bindable(defaultValue = "20") int rankerEarlyStoppingRounds,
                             @Bindable(defaultValue = "1500") int maxRankerTrees) {

    TwoStageSettings settings() {
        TwoStageSettings defaults = TwoStageSettings.defaults();
        RankerParameters ranker = defaults.ranker();
        if (rankerEarlyStoppingRounds < 0) {
            throw new InvalidFieldException("tandem.two-stage.ranker-early-stopping-rounds",
                    "must not be negative (0 trains every round)");
        }
        return new TwoStageSettings(candidatesPerRetriever, topCandidates, randomItems, maxRankerRows,
                defaults.validationShare(), new RankerParameters(rankerRounds, rankerMaxDepth, rankerLearningRate,
                        ranker.minChildWeight(), rankerEarlyStoppingRounds, ranker.seed()), bags, maxRankerTrees,
                defaults.seed());
    }
}
