/** What callers ask of the online features: apply logged events, show a user's history. */
package io.tandem.application.feature.port.in;
