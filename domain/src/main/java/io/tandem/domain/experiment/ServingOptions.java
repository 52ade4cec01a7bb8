package io.tandem.domain.experiment;

import io.tandem.domain.InvalidFieldException;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Serving settings a variant may change for its users; each one left empty keeps the instance's setting.
 *
 * @param diversity              the re-rank's diversity weight, 0 (pure relevance) to 1
 * @param explorationPlaces      list places given to items the model knows little about, 0 to 100
 * @param candidatesPerRetriever how many candidates each retriever contributes, 1 to 10,000
 */
public record ServingOptions(OptionalDouble diversity, OptionalInt explorationPlaces,
                             OptionalInt candidatesPerRetriever) {

    public static final int MAX_EXPLORATION_PLACES = 100;
    public static final int MAX_CANDIDATES_PER_RETRIEVER = 10_000;
    public static final ServingOptions DEFAULTS =
            new ServingOptions(OptionalDouble.empty(), OptionalInt.empty(), OptionalInt.empty());

    public ServingOptions {
        Objects.requireNonNull(diversity, "diversity");
        Objects.requireNonNull(explorationPlaces, "explorationPlaces");
        Objects.requireNonNull(candidatesPerRetriever, "candidatesPerRetriever");
        if (diversity.isPresent() && !(diversity.getAsDouble() >= 0 && diversity.getAsDouble() <= 1)) {
            throw new InvalidFieldException("options.diversity", "must lie between 0 and 1");
        }
        if (explorationPlaces.isPresent()
                && (explorationPlaces.getAsInt() < 0 || explorationPlaces.getAsInt() > MAX_EXPLORATION_PLACES)) {
            throw new InvalidFieldException("options.explorationPlaces",
                    "must lie between 0 and " + MAX_EXPLORATION_PLACES);
        }
        if (candidatesPerRetriever.isPresent() && (candidatesPerRetriever.getAsInt() < 1
                || candidatesPerRetriever.getAsInt() > MAX_CANDIDATES_PER_RETRIEVER)) {
            throw new InvalidFieldException("options.candidatesPerRetriever",
                    "must lie between 1 and " + MAX_CANDIDATES_PER_RETRIEVER);
        }
    }
}
