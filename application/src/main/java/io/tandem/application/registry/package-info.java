/**
 * The model registry: versions enter as candidates; promotion, rollback and the champion-versus-challenger decision
 * change stages (ADR-0015).
 */
package io.tandem.application.registry;
