/** What callers ask of serving: recommend, find similar items, rank a list, refresh the served model. */
package io.tandem.application.serving.port.in;
