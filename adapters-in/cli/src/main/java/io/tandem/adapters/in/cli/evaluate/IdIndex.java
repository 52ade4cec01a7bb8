package io.tandem.adapters.in.cli.evaluate;

import java.util.HashMap;
import java.util.Map;

/** Dense indexes for the text ids of a data set, in order of first appearance, so a file always maps the same way. */
final class IdIndex {

    private final Map<String, Integer> indexes = new HashMap<>();

    int indexOf(String id) {
        Integer index = indexes.get(id);
        if (index == null) {
            index = indexes.size();
            indexes.put(id, index);
        }
        return index;
    }

    int size() {
        return indexes.size();
    }
}
