/**
 * The experiments feature (issue 13, ADRs 0024–0026): creating, starting and stopping experiments, assigning users
 * to their variants, and reading an experiment's online metrics out with its sequential decision. The rules live in
 * {@link io.tandem.domain.experiment}; these services keep them true across instances by going through the stores
 * of {@link io.tandem.application.experiment.port.out}, and answer the use cases of
 * {@link io.tandem.application.experiment.port.in}.
 */
package io.tandem.application.experiment;
