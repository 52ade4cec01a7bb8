/** Rankings: the ordered answer for one request, item by item with score, rank and provenance. */
package io.tandem.domain.ranking;
