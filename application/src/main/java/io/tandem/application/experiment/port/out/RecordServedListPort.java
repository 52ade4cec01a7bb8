package io.tandem.application.experiment.port.out;

import io.tandem.domain.experiment.attribution.ServedList;

/**
 * Keeps a list served inside an experiment under its request id, for the attribution window at least, so that the
 * follow-up events quoting the request id can be attributed on any instance (ADR-0026). Recording the same request
 * id again replaces the list.
 */
@FunctionalInterface
public interface RecordServedListPort {

    void recordServedList(ServedList list);
}
