package io.tandem.bootstrap;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;

import java.util.EnumMap;
import java.util.Map;

/** Checks every adapter choice when the context starts, so a typo fails fast and says which property. */
@Context
final class AdapterSelection {

    private final Map<AdapterChoice, String> chosen = new EnumMap<>(AdapterChoice.class);

    AdapterSelection(Environment environment) {
        for (AdapterChoice choice : AdapterChoice.values()) {
            chosen.put(choice, choice.valueIn(environment));
        }
    }

    String chosen(AdapterChoice choice) {
        return chosen.get(choice);
    }
}
