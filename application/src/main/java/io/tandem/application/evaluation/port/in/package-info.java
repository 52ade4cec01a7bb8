/** What callers ask of evaluation: evaluate the recommenders on a data set. */
package io.tandem.application.evaluation.port.in;
