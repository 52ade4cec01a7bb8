/** Models: trained rankers and retrievers, their versions and how a version is named in answers. */
package io.tandem.domain.model;
