/** The rule-based fallback: what answers when no model can, and how an answer says it was used. */
package io.tandem.domain.fallback;
