/** What the online features need: the online store, written in batches and read per user or per item. */
package io.tandem.application.feature.port.out;
