/** API keys and rate limits: who may call which route, and how often (ADR-0027). */
package io.tandem.application.access;
