package io.tandem.application.feature.port.out;

import io.tandem.domain.catalog.UserId;
import io.tandem.domain.feature.UserState;

/**
 * Reads a user's serving state from the online store in one round trip: up to {@code limit} seen items and up
 * to {@code limit} positive interactions, each newest first; empty for a user never seen.
 */
@FunctionalInterface
public interface LoadUserStatePort {

    UserState userState(UserId user, int limit);
}
