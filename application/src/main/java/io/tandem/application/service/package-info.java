/** Use case implementations with plain constructors; bootstrap builds them, tests build them with fakes. */
package io.tandem.application.service;
