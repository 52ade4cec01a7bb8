package io.tandem.application.serving;

import io.tandem.domain.InvalidFieldException;

/**
 * Settings of the serving path: how many of a user's newest positive interactions the online store returns
 * ({@code historyLimit}, the history the models see; the seen filter always reads every item the user acted on),
 * and the exploration setting for fresh catalog items the model has no interactions for: how many of the newest
 * catalog items are read ({@code freshItems}) and how many places of an answer at most go to them
 * ({@code freshSlots}; they fill the last places, after the ranked items). Exploration is off by default
 * ({@code freshSlots} 0): a place given to an unranked item costs relevance, and until an experiment measures what
 * it earns back, answers hold only what the model ranks (and the rules' fill when the model runs short).
 * {@code candidates} is the number of distinct candidates the model ranks per request: each retriever's list goes
 * deeper than it was trained with until the union holds that many (0, the default: the union of each retriever's
 * trained top list; an experiment variant's {@code candidatesPerRetriever} still takes precedence).
 * {@code maxQueueWaitNanos} is the longest a request may wait for a worker and still run the model path; one that
 * waited longer is answered by the rules at once, its reason naming the wait (0: no limit; ADR-0039).
 */
public record ServingSettings(int historyLimit, int freshItems, int freshSlots, int candidates,
                              long maxQueueWaitNanos) {

    /** The most candidates a request may rank. */
    public static final int MAX_CANDIDATES = 10_000;

    public ServingSettings {
        if (historyLimit < 1) {
            throw new InvalidFieldException("tandem.serving.history-limit", "must be 1 or more");
        }
        if (freshItems < 0) {
            throw new InvalidFieldException("tandem.serving.fresh-items", "must not be negative");
        }
        if (freshSlots < 0) {
            throw new InvalidFieldException("tandem.serving.fresh-slots", "must not be negative");
        }
        if (candidates < 0 || candidates > MAX_CANDIDATES) {
            throw new InvalidFieldException("tandem.serving.candidates", "must be 0 (as trained) to " + MAX_CANDIDATES);
        }
        if (maxQueueWaitNanos < 0) {
            throw new InvalidFieldException("tandem.serving.max-queue-wait",
                    "must not be negative (0s lifts the limit)");
        }
    }

    /** The settings without a limit on the wait for a worker. */
    public ServingSettings(int historyLimit, int freshItems, int freshSlots, int candidates) {
        this(historyLimit, freshItems, freshSlots, candidates, 0);
    }

    /** The settings with the candidates as the model was trained. */
    public ServingSettings(int historyLimit, int freshItems, int freshSlots) {
        this(historyLimit, freshItems, freshSlots, 0);
    }

    /** The newest 500 positives, 20 newest items read for exploration, no place for a fresh item (exploration off),
     * the candidates as trained, no limit on the wait for a worker. */
    public static ServingSettings defaults() {
        return new ServingSettings(500, 20, 0, 0, 0);
    }
}
