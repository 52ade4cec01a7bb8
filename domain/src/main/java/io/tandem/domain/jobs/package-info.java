/**
 * Jobs: one run of background work (a pipeline or a training), its type and where it is in its life. The job
 * runner, the job store and the HTTP and console answers all speak these values.
 */
package io.tandem.domain.jobs;
