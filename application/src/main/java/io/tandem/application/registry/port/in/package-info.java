/** What callers ask of the registry: register, list, promote, roll back, evaluate-and-promote. */
package io.tandem.application.registry.port.in;
