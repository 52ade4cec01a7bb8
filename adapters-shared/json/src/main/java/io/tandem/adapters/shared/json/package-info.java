/**
 * Adapter code that more than one adapter shares (ADR-0004): a strict JSON reader that refuses duplicate members and
 * keeps each number's literal, the checks every JSON object of Tandem's API passes (known members only, with a
 * "did you mean" hint), and the event wire format that HTTP, the Kafka topic and event files carry. The same mistake
 * gets the same message on every input path (ADR-0019).
 */
package io.tandem.adapters.shared.json;
