package io.tandem.bootstrap;

import io.micronaut.context.annotation.Factory;
import io.tandem.application.port.in.FindUserHistoryUseCase;
import io.tandem.application.port.out.LoadUserStatePort;
import io.tandem.application.service.UserHistoryService;
import jakarta.inject.Singleton;

/** The use cases only the console reads (ADR-0028). */
@Factory
final class ConsoleFactory {

    @Singleton
    FindUserHistoryUseCase userHistory(LoadUserStatePort loadUserState) {
        return new UserHistoryService(loadUserState);
    }
}
