/**
 * The HTTP API (DESIGN.md section 5): Micronaut controllers that translate JSON to use-case commands and
 * queries, and every error to an {@code application/problem+json} body naming the offending field.
 */
package io.tandem.adapters.in.http;
