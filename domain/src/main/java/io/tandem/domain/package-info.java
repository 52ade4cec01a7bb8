/**
 * Tandem's domain: the recommendation vocabulary (items, users, events, features, candidates,
 * rankings, models, fallbacks) on the JDK alone. No framework, no annotations, no I/O.
 */
package io.tandem.domain;
