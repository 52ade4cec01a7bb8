/** What callers ask of jobs: start one (or start if idle), find and list them, fail those a restart interrupted. */
package io.tandem.application.jobs.port.in;
