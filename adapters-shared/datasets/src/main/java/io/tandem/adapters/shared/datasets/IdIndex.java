package io.tandem.adapters.shared.datasets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Dense indexes for the text ids of a data set, in order of first appearance, so a file always maps the same way. */
final class IdIndex {

    private final Map<String, Integer> indexes = new HashMap<>();
    private final List<String> ids = new ArrayList<>();

    int indexOf(String id) {
        Integer index = indexes.get(id);
        if (index == null) {
            index = indexes.size();
            indexes.put(id, index);
            ids.add(id);
        }
        return index;
    }

    int size() {
        return indexes.size();
    }

    /** The ids by index. */
    List<String> ids() {
        return List.copyOf(ids);
    }
}
