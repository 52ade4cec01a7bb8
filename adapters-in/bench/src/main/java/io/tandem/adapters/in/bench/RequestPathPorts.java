package io.tandem.adapters.in.bench;

import io.tandem.application.catalog.port.out.LoadItemsPort;
import io.tandem.application.catalog.port.out.LoadNewestItemsPort;
import io.tandem.application.feature.port.out.LoadUserStatePort;
import io.tandem.application.registry.port.out.LoadModelArtifactPort;
import io.tandem.application.serving.port.out.LoadScoringModelPort;

import java.util.Objects;

/**
 * The outbound ports of the request path, as the serving use case calls them (with its dependency timeouts): the
 * only outbound ports the benchmark harness touches, to time each remote read and the ranker alone with the inputs
 * a request had, and to wait until the online store holds what was sent.
 *
 * @param historyLimit the positives the request path reads per user ({@code tandem.serving.history-limit})
 * @param freshItems   the newest items it reads per request ({@code tandem.serving.fresh-items})
 */
public record RequestPathPorts(
        LoadUserStatePort userState,
        LoadNewestItemsPort newestItems,
        LoadItemsPort items,
        LoadModelArtifactPort modelArtifacts,
        LoadScoringModelPort scoringModels,
        int historyLimit,
        int freshItems) {

    public RequestPathPorts {
        Objects.requireNonNull(userState, "userState");
        Objects.requireNonNull(newestItems, "newestItems");
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(modelArtifacts, "modelArtifacts");
        Objects.requireNonNull(scoringModels, "scoringModels");
        if (historyLimit < 1 || freshItems < 0) {
            throw new IllegalArgumentException("historyLimit must be 1 or more and freshItems not negative");
        }
    }
}
