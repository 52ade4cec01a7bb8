/** What callers ask of ingestion: record events, archive logged events, read archived ones back. */
package io.tandem.application.ingestion.port.in;
