/**
 * Who may call what (ADR-0027): an {@link io.tandem.domain.access.ApiKey} carries {@link io.tandem.domain.access.Scope}s
 * and a {@link io.tandem.domain.access.RateLimit}; only the SHA-256 of its secret is stored, and a presented
 * {@link io.tandem.domain.access.ApiKeyToken} is checked against it in constant time. An authenticated caller is a
 * {@link io.tandem.domain.access.Principal}.
 */
package io.tandem.domain.access;
