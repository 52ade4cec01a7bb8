package io.tandem.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.tandem.application.service.TwoStageSettings;

/**
 * {@code tandem.two-stage.*}: the shape of the two-stage system that {@code train} and {@code evaluate} build:
 * {@code candidates-per-retriever} items from each retriever's top list (the candidates serving ranks are their
 * union), and training groups of the {@code top-candidates} best-ranked candidates plus {@code random-items}
 * random unseen items. The ranker's own parameters stay those of {@link TwoStageSettings#defaults()}.
 */
@ConfigurationProperties("tandem.two-stage")
record TwoStageConfiguration(@Bindable(defaultValue = "50") int candidatesPerRetriever,
                             @Bindable(defaultValue = "40") int topCandidates,
                             @Bindable(defaultValue = "10") int randomItems) {

    TwoStageSettings settings() {
        TwoStageSettings defaults = TwoStageSettings.defaults();
        return new TwoStageSettings(candidatesPerRetriever, topCandidates, randomItems, defaults.maxRankerRows(),
                defaults.validationShare(), defaults.ranker(), defaults.seed());
    }
}
