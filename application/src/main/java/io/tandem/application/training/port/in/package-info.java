/** What callers ask of training: train models, replay point-in-time training examples. */
package io.tandem.application.training.port.in;
