package io.tandem.application.serving.port.in;

/**
 * Brings the served model in line with the registry: loads the champion when it changed (after a promotion, a
 * rollback or a training run, here or on another instance) and swaps it in atomically; a champion that cannot be
 * loaded is refused and the current model keeps serving.
 */
@FunctionalInterface
public interface RefreshServingModelUseCase {

    ServingModelStatus refresh();
}
