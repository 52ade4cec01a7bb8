package io.tandem.adapters.in.console;

import java.util.Objects;
import java.util.Set;

/**
 * Who signed in to the console and what they may do: {@code name} is the key's name or id (never its secret),
 * {@code scopes} a subset of {@code ingest}, {@code serve} and {@code admin}.
 */
public record ConsoleSignIn(String name, Set<String> scopes) {

    public static final String SERVE = "serve";
    public static final String ADMIN = "admin";

    public ConsoleSignIn {
        Objects.requireNonNull(name, "name");
        scopes = Set.copyOf(scopes);
    }

    public boolean may(String scope) {
        return scopes.contains(scope);
    }
}
