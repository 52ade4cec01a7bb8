package io.tandem.application.feature;

import io.tandem.application.feature.port.in.FindUserHistoryQuery;
import io.tandem.application.feature.port.in.FindUserHistoryUseCase;
import io.tandem.application.feature.port.out.LoadUserStatePort;
import io.tandem.domain.feature.UserState;

import java.util.Objects;

/** Reads a user's history from the online store, as the request path reads it. */
public final class UserHistoryService implements FindUserHistoryUseCase {

    private final LoadUserStatePort loadUserState;

    public UserHistoryService(LoadUserStatePort loadUserState) {
        this.loadUserState = Objects.requireNonNull(loadUserState, "loadUserState");
    }

    @Override
    public UserState history(FindUserHistoryQuery query) {
        return loadUserState.userState(query.user(), query.limit());
    }
}
