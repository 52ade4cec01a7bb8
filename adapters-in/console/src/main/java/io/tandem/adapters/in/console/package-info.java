/**
 * The web console at {@code /console}: server-rendered HTML pages (overview, models, jobs, experiments, explore)
 * built from the use cases, charts drawn as inline SVG on the server, one small script for confirmations and
 * live refresh, and its own sign-in: an API key becomes a session cookie, and every form carries a CSRF token
 * (ADR-0028). Nothing is fetched from outside the jar.
 */
package io.tandem.adapters.in.console;
