/** What the catalog needs stored: items and users, in pages and batches, and the nearest-neighbour item index. */
package io.tandem.application.catalog.port.out;
