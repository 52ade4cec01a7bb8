package io.tandem.bootstrap;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.tandem.application.port.out.ChangeModelStagesPort;
import io.tandem.application.port.out.JobType;
import io.tandem.application.port.out.ListModelsPort;
import io.tandem.application.port.out.LoadItemsPort;
import io.tandem.application.port.out.LoadJobsPort;
import io.tandem.application.port.out.LoadModelVersionsPort;
import io.tandem.application.port.out.ReadLakePort;
import io.tandem.application.port.out.RunJobPort;
import io.tandem.application.port.out.SaveJobPort;
import io.tandem.application.port.out.SaveModelVersionPort;
import io.tandem.application.service.JobRunnerService;
import io.tandem.application.service.ModelRegistryService;
import io.tandem.application.service.ReplayTrainingExamplesService;
import io.tandem.domain.feature.FeaturePolicy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

/** The offline side: model registry, point-in-time replay of the lake, and the job runner. */
@Factory
final class TrainingFactory {

    @Singleton
    ModelRegistryService modelRegistry(SaveModelVersionPort save, LoadModelVersionsPort load, ListModelsPort list,
                                       ChangeModelStagesPort stages) {
        return new ModelRegistryService(save, load, list, stages);
    }

    @Singleton
    ReplayTrainingExamplesService replayTrainingExamples(FeaturePolicy policy, ReadLakePort readLake,
                                                         LoadItemsPort loadItems) {
        return new ReplayTrainingExamplesService(policy, readLake, loadItems);
    }

    /** One low-priority thread of its own: a job never takes a request thread, and two jobs never overlap. */
    @Singleton
    @Named("tandem-job")
    @Bean(preDestroy = "shutdownNow")
    ExecutorService jobExecutor() {
        return JobRunnerService.newJobExecutor();
    }

    @Singleton
    JobRunnerService jobRunner(Map<JobType, RunJobPort> jobBodies, SaveJobPort saveJob, LoadJobsPort loadJobs,
                               @Named("tandem-job") ExecutorService executor, Clock clock) {
        return new JobRunnerService(jobBodies, saveJob, loadJobs, executor, clock, () -> UUID.randomUUID().toString());
    }

    /** The work behind each job type; types without work are refused by the runner, naming the type. */
    @Singleton
    Map<JobType, RunJobPort> jobBodies() {
        return Map.of();
    }
}
