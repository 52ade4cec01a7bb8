package io.tandem.adapters.in.console;

import java.util.Optional;

/**
 * Checks an API key presented at the console's sign-in. Bootstrap provides it from the API-key use case when
 * authentication is enabled; without one the console is open (the embedded demo on localhost).
 */
@FunctionalInterface
public interface ConsoleKeyCheck {

    /** The key's holder and scopes, or empty for a missing, unknown or revoked key. */
    Optional<ConsoleSignIn> check(String presentedKey);
}
