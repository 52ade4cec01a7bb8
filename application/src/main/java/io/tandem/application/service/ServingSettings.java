package io.tandem.application.service;

import io.tandem.domain.InvalidFieldException;

/**
 * Settings of the serving path: how many of a user's latest items the online store returns ({@code historyLimit},
 * the cap the online store keeps as well), how many of the newest catalog items the fresh-items retriever reads
 * ({@code freshItems}), and how many places of an answer at most go to fresh items the model has not seen yet
 * ({@code freshSlots}; they fill the last places, after the ranked items).
 */
public record ServingSettings(int historyLimit, int freshItems, int freshSlots) {

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
    }

    /** The latest 500 items, 20 newest items read, at most 1 place for a fresh item. */
    public static ServingSettings defaults() {
        return new ServingSettings(500, 20, 1);
    }
}
