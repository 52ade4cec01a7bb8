/** What callers ask of access: authenticate a key, throttle a request, create, list and revoke keys. */
package io.tandem.application.access.port.in;
