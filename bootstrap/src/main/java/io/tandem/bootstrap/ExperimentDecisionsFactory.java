package io.tandem.bootstrap;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.TransactionOperations;
import io.tandem.adapters.out.jdbc.JdbcExperimentDecisionsAdapter;
import io.tandem.adapters.out.memory.InMemoryExperimentDecisionsAdapter;
import io.tandem.application.experiment.DecideAutoPromotedExperimentsService;
import io.tandem.application.experiment.DecideExperimentService;
import io.tandem.application.experiment.ListModelDecisionsService;
import io.tandem.application.experiment.port.in.DecideAutoPromotedExperimentsUseCase;
import io.tandem.application.experiment.port.in.DecideExperimentUseCase;
import io.tandem.application.experiment.port.in.ListModelDecisionsUseCase;
import io.tandem.application.experiment.port.in.ShowExperimentUseCase;
import io.tandem.application.experiment.port.out.ChangeExperimentPort;
import io.tandem.application.experiment.port.out.ListExperimentsPort;
import io.tandem.application.experiment.port.out.LoadExperimentPort;
import io.tandem.application.registry.port.in.PromoteModelVersionUseCase;
import io.tandem.application.registry.port.out.LoadExperimentDecisionsPort;
import io.tandem.application.registry.port.out.LoadModelVersionsPort;
import io.tandem.application.registry.port.out.RecordExperimentDecisionPort;
import io.tandem.domain.model.PromotionPolicy;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;

/**
 * Experiment-gated promotion (ADR-0025, "Decision and promotion"): the decide use cases over the read-out, the
 * registry's promote use case and the store of decisions, which follows {@code tandem.experiments.store}.
 */
@Factory
final class ExperimentDecisionsFactory {

    @Singleton
    @Requires(property = "tandem.experiments.store", value = "jdbc", defaultValue = "jdbc")
    JdbcExperimentDecisionsAdapter jdbcExperimentDecisions(JdbcAdaptersFactory.MigratedSchema schema,
                                                           TransactionOperations<Connection> transactions) {
        return new JdbcExperimentDecisionsAdapter(transactions);
    }

    @Singleton
    @Requires(property = "tandem.experiments.store", value = "memory")
    InMemoryExperimentDecisionsAdapter memoryExperimentDecisions() {
        return new InMemoryExperimentDecisionsAdapter();
    }

    @Singleton
    DecideExperimentUseCase decideExperiment(LoadExperimentPort experiments, ShowExperimentUseCase show,
                                             ChangeExperimentPort change, LoadModelVersionsPort versions,
                                             PromoteModelVersionUseCase promote,
                                             RecordExperimentDecisionPort record,
                                             LoadExperimentDecisionsPort recorded, PromotionPolicy offline,
                                             ExperimentsConfiguration configuration, Clock clock) {
        return new DecideExperimentService(experiments, show, change, versions, promote, record, recorded, offline,
                configuration.readoutPolicy().guardrails(), clock);
    }

    @Singleton
    DecideAutoPromotedExperimentsUseCase decideAutoPromoted(ListExperimentsPort experiments,
                                                            DecideExperimentUseCase decide) {
        return new DecideAutoPromotedExperimentsService(experiments, decide);
    }

    @Singleton
    ListModelDecisionsUseCase listModelDecisions(LoadExperimentDecisionsPort decisions) {
        return new ListModelDecisionsService(decisions);
    }
}
