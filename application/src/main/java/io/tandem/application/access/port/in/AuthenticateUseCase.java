package io.tandem.application.access.port.in;

import io.tandem.domain.access.Principal;

import java.util.Optional;

/**
 * Turns a presented key ({@code tdm_<id>_<secret>}) into the caller it names: empty when the key is malformed,
 * unknown, revoked or its secret does not match, without saying which. The HTTP filter and the console's sign-in
 * use it.
 */
@FunctionalInterface
public interface AuthenticateUseCase {

    Optional<Principal> authenticate(String presentedKey);
}
