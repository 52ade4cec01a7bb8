/** What callers ask of the catalog: upsert, find, delete and count items and users. */
package io.tandem.application.catalog.port.in;
