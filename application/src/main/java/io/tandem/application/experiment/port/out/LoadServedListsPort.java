package io.tandem.application.experiment.port.out;

import io.tandem.domain.experiment.attribution.ServedList;

import java.util.Collection;
import java.util.Map;

/**
 * The recorded served lists of some request ids, by request id; an id never recorded, or whose list has expired,
 * is absent.
 */
@FunctionalInterface
public interface LoadServedListsPort {

    Map<String, ServedList> loadServedLists(Collection<String> requestIds);
}
