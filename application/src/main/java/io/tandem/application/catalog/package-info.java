/** Items and users: upserts, look-ups and deletes, and the in-memory catalogue snapshot the request path reads. */
package io.tandem.application.catalog;
