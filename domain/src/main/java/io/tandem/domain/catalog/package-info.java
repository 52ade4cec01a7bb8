/** What can be recommended and to whom: items with categories and availability, users with attributes. */
package io.tandem.domain.catalog;
