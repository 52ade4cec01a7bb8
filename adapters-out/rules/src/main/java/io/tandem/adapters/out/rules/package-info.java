/**
 * The rule-based fallback engine: {@link io.tandem.adapters.out.rules.RuleBasedFallbackAdapter} answers
 * recommendation requests from pinned, category-popular, trending and newest items when the model path cannot.
 * A background refresh reads popularity and the catalog into an immutable in-memory snapshot; requests read
 * only that snapshot, so the fallback still answers while Redis or the database is the thing that failed.
 */
package io.tandem.adapters.out.rules;
