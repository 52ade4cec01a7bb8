/** What access needs stored: hashed API keys and the rate-limit buckets. */
package io.tandem.application.access.port.out;
