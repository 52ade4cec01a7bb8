package io.tandem.application.feature.port.in;

import io.tandem.domain.feature.UserState;

/**
 * Reads what serving knows of a user's recent history (seen items and positive interactions, newest first), the
 * same state the recommendations start from; empty for a user never seen.
 */
@FunctionalInterface
public interface FindUserHistoryUseCase {

    UserState history(FindUserHistoryQuery query);
}
