/** Online features: each event applied to the user's state and the items' counters, and a user's history read back. */
package io.tandem.application.feature;
