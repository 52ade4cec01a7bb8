package io.tandem.bootstrap;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.tandem.adapters.in.console.ConsoleKeyCheck;
import io.tandem.adapters.in.console.ConsoleSignIn;
import io.tandem.application.access.port.in.AuthenticateUseCase;
import io.tandem.application.feature.UserHistoryService;
import io.tandem.application.feature.port.in.FindUserHistoryUseCase;
import io.tandem.application.feature.port.out.LoadUserStatePort;
import io.tandem.domain.access.Scope;
import jakarta.inject.Singleton;

import java.util.stream.Collectors;

/** What the console needs beyond the API's use cases (ADR-0028). */
@Factory
final class ConsoleFactory {

    @Singleton
    FindUserHistoryUseCase userHistory(LoadUserStatePort loadUserState) {
        return new UserHistoryService(loadUserState);
    }

    /**
     * With API keys on, the console's sign-in checks a key exactly as the API does; without this bean the console
     * is open to callers on this machine only.
     */
    @Singleton
    @Requires(property = ConfigurationCheck.AUTH_ENABLED, value = "true")
    ConsoleKeyCheck consoleKeyCheck(AuthenticateUseCase authenticate) {
        return key -> authenticate.authenticate(key).map(principal -> new ConsoleSignIn(
                principal.name() + " (" + principal.keyId().value() + ")",
                principal.scopes().stream().map(Scope::label).collect(Collectors.toSet())));
    }
}
