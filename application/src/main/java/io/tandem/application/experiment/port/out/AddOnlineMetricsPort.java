package io.tandem.application.experiment.port.out;

import java.util.List;

/**
 * Adds requests' changes to the stored online metrics, all or none, in one atomic step per call (ADR-0026,
 * amended): the store never replaces a cell, it adds each increment to the stored sums, so any number of writers
 * may attribute at once. Returns false, and changes nothing, when a request's version is not the expected one or a
 * change names a generation that is no longer written: the caller reloads and tries again.
 */
@FunctionalInterface
public interface AddOnlineMetricsPort {

    boolean addOnlineMetrics(List<RequestChange> changes);
}
