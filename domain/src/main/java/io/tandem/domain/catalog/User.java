package io.tandem.domain.catalog;

import java.util.Map;
import java.util.Objects;

/** Someone who receives recommendations, with free attributes such as age band or country ({@link Attributes}). */
public record User(UserId id, Map<String, String> attributes) {

    public User {
        Objects.requireNonNull(id, "id");
        attributes = Attributes.require(attributes);
    }
}
