package io.tandem.application.experiment.port.in;

/**
 * Attributes follow-up events (impressions, clicks, add-to-carts, purchases quoting {@code context.requestId}) to
 * the experiment group and position of the list they quote, and stores the per-variant, per-day online metrics that
 * result (ADR-0026). Redelivered events change nothing: each event id counts once per request.
 */
@FunctionalInterface
public interface AttributeEventsUseCase {

    void attribute(AttributeEventsCommand command);
}
