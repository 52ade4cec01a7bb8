/** What jobs need: stored job records, and the body each job type runs with its progress. */
package io.tandem.application.jobs.port.out;
