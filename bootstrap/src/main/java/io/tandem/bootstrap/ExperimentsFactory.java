package io.tandem.bootstrap;

import io.micronaut.context.annotation.Factory;
import io.tandem.application.catalog.port.out.CountCatalogPort;
import io.tandem.application.experiment.AssignVariantService;
import io.tandem.application.experiment.AttributeEventsService;
import io.tandem.application.experiment.OnlineMetricsStore;
import io.tandem.application.experiment.RecomputeOnlineMetricsService;
import io.tandem.application.experiment.CreateExperimentService;
import io.tandem.application.experiment.ListExperimentsService;
import io.tandem.application.experiment.ShowExperimentService;
import io.tandem.application.experiment.StartExperimentService;
import io.tandem.application.experiment.StopExperimentService;
import io.tandem.application.experiment.port.in.AssignVariantUseCase;
import io.tandem.application.experiment.port.in.AttributeEventsUseCase;
import io.tandem.application.experiment.port.in.RecomputeOnlineMetricsUseCase;
import io.tandem.application.ingestion.port.out.ReadLakePort;
import io.tandem.application.experiment.port.in.CreateExperimentUseCase;
import io.tandem.application.experiment.port.in.ListExperimentsUseCase;
import io.tandem.application.experiment.port.in.ShowExperimentUseCase;
import io.tandem.application.experiment.port.in.StartExperimentUseCase;
import io.tandem.application.experiment.port.in.StopExperimentUseCase;
import io.tandem.application.experiment.port.out.ChangeExperimentPort;
import io.tandem.application.experiment.port.out.ListExperimentsPort;
import io.tandem.application.experiment.port.out.LoadExperimentPort;
import io.tandem.application.experiment.port.out.LoadAttributionStatesPort;
import io.tandem.application.experiment.port.out.LoadMetricGenerationsPort;
import io.tandem.application.experiment.port.out.LoadOnlineMetricsPort;
import io.tandem.application.experiment.port.out.AddOnlineMetricsPort;
import io.tandem.application.experiment.port.out.ForgetAttributionStatesPort;
import io.tandem.application.experiment.port.out.LoadSequentialTestsPort;
import io.tandem.application.experiment.port.out.LoadServedListsPort;
import io.tandem.application.experiment.port.out.ReadServedListsLakePort;
import io.tandem.application.experiment.port.out.RebuildOnlineMetricsPort;
import io.tandem.application.experiment.port.out.SaveExperimentPort;
import io.tandem.application.experiment.port.out.SaveSequentialTestPort;
import io.tandem.application.registry.port.out.LoadModelVersionsPort;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The experiments feature (issue 13): its use cases over whichever experiment and metric stores were chosen. */
@Factory
final class ExperimentsFactory {

    @Singleton
    CreateExperimentUseCase createExperiment(SaveExperimentPort save, LoadModelVersionsPort registry) {
        return new CreateExperimentService(save, registry);
    }

    @Singleton
    ListExperimentsUseCase listExperiments(ListExperimentsPort experiments) {
        return new ListExperimentsService(experiments);
    }

    @Singleton
    ShowExperimentUseCase showExperiment(LoadExperimentPort experiments, LoadOnlineMetricsPort metrics,
                                         LoadSequentialTestsPort loadTests, SaveSequentialTestPort saveTest,
                                         CountCatalogPort catalog, ExperimentsConfiguration configuration,
                                         Clock clock) {
        return new ShowExperimentService(experiments, metrics, loadTests, saveTest, catalog,
                configuration.readoutPolicy(), clock);
    }

    @Singleton
    StartExperimentUseCase startExperiment(ChangeExperimentPort change, Clock clock) {
        return new StartExperimentService(change, clock);
    }

    @Singleton
    StopExperimentUseCase stopExperiment(ChangeExperimentPort change, Clock clock) {
        return new StopExperimentService(change, clock);
    }

    /** Serving's view of the running experiments, re-read from the store at most once per refresh interval. */
    @Singleton
    AssignVariantUseCase assignVariant(ListExperimentsPort experiments, ExperimentsConfiguration configuration,
                                       Clock clock) {
        return new AssignVariantService(experiments, clock, configuration.refreshInterval());
    }

    /**
     * Attribution of follow-up events to the lists they quote; the event log's online-feature consumer feeds it
     * ({@link CoreFactory}).
     */
    @Singleton
    AttributeEventsUseCase attributeEvents(LoadServedListsPort servedLists, OnlineMetricsStore metrics,
                                           ExperimentsConfiguration configuration, Clock clock) {
        return new AttributeEventsService(configuration.attributionPolicy(), servedLists, metrics,
                configuration.servedListTtl(), clock);
    }

    /** The metric store's ports, from whichever adapter the configuration chose (memory or JDBC). */
    @Singleton
    OnlineMetricsStore onlineMetricsStore(LoadOnlineMetricsPort load, LoadAttributionStatesPort states,
                                          LoadMetricGenerationsPort generations, AddOnlineMetricsPort add,
                                          RebuildOnlineMetricsPort rebuild, ForgetAttributionStatesPort forget) {
        return new OnlineMetricsStore(load, states, generations, add, rebuild, forget);
    }

    /** Rebuilds an experiment's cells from the served lists and events in the lake (ADR-0026). */
    @Singleton
    RecomputeOnlineMetricsUseCase recomputeOnlineMetrics(LoadExperimentPort experiments,
                                                         ReadServedListsLakePort servedLists, ReadLakePort events,
                                                         OnlineMetricsStore metrics,
                                                         ExperimentsConfiguration configuration, Clock clock) {
        return new RecomputeOnlineMetricsService(configuration.attributionPolicy(), experiments, servedLists, events,
                metrics, configuration.servedListTtl(), clock);
    }
}
