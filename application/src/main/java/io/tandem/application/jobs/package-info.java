/** Background jobs: one runner for pipeline and train jobs, one at a time, with status and progress (ADR-0015). */
package io.tandem.application.jobs;
