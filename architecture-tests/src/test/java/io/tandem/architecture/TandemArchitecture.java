package io.tandem.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.elements.GivenClassesConjunction;
import io.micronaut.context.annotation.ConfigurationBuilder;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.tandem.application.catalog.port.out.LoadItemsPort;
import io.tandem.application.catalog.port.out.LoadNewestItemsPort;
import io.tandem.application.feature.port.out.LoadUserStatePort;
import io.tandem.application.registry.port.out.LoadModelArtifactPort;
import io.tandem.application.serving.port.out.LoadScoringModelPort;
import java.util.List;

/**
 * The architecture decisions of Tandem as ArchUnit rules, each naming the ADR it keeps true.
 *
 * <p>Every rule keeps ArchUnit's fail-on-empty default, so a rule over a package that does not
 * exist (or was not imported) fails instead of passing.
 */
public final class TandemArchitecture {

    private static final String DOMAIN = "io.tandem.domain..";
    private static final String APPLICATION = "io.tandem.application..";
    /** Each feature of the application keeps its own ports: {@code io.tandem.application.<feature>.port.in}. */
    private static final String INBOUND_PORTS = "io.tandem.application.*.port.in..";
    private static final String OUTBOUND_PORTS = "io.tandem.application.*.port.out..";
    private static final String ADAPTERS = "io.tandem.adapters..";
    private static final String OUTBOUND_ADAPTERS = "io.tandem.adapters.out..";
    private static final String INBOUND_ADAPTERS = "io.tandem.adapters.in..";
    private static final String SHARED_ADAPTER_CODE = "io.tandem.adapters.shared..";
    private static final String BOOTSTRAP = "io.tandem.bootstrap..";
    /**
     * The benchmark harness, a module of its own ({@code adapters-in/bench}): it drives serving and ingestion stage
     * by stage through outbound ports, which no product code should do. Exempt from
     * {@link #INBOUND_ADAPTERS_USE_ONLY_INBOUND_PORTS}, and held instead to {@link #BENCH_HARNESS_REACHES_ONLY_PORTS}.
     */
    private static final String BENCH_HARNESS = "io.tandem.adapters.in.bench..";

    public static final ArchRule DOMAIN_DEPENDS_ON_JDK_ONLY = classes()
            .that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN)
            .because("the domain is records, enums and small classes on the JDK alone (ADR-0003)");

    public static final ArchRule APPLICATION_DEPENDS_ON_DOMAIN_AND_JDK_ONLY = classes()
            .that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN, APPLICATION)
            .because("dependencies point inward: the application layer knows only the domain (ADR-0002)");

    /**
     * Overlaps the two rules above on purpose: it names the framework that leaked in, and it
     * catches JDBC, which lives under {@code java..} and so passes the JDK-only rule.
     */
    public static final ArchRule CORE_IS_FRAMEWORK_FREE = noClasses()
            .that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.micronaut..",
                    "jakarta.inject..", "javax.inject..",
                    // Exactly javax.annotation (JSR-250/305): its sub-package javax.annotation.processing is JDK.
                    "jakarta.annotation..", "javax.annotation",
                    "com.fasterxml.jackson..",
                    "java.sql..", "javax.sql..",
                    "io.lettuce..", "org.apache.kafka..", "io.minio..", "ai.djl..", "ai.onnxruntime..")
            .because("domain and application reference no framework or driver type (ADR-0003)");

    public static final ArchRule CORE_DOES_NOT_DEPEND_ON_ADAPTERS_OR_BOOTSTRAP = noClasses()
            .that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS, BOOTSTRAP)
            .because("domain and application never import an adapter or bootstrap (ADR-0002)");

    /**
     * One slice per adapter module: direction plus technology, e.g. {@code out.redis}. The one exception is shared
     * adapter code ({@code io.tandem.adapters.shared..}, such as the event wire format), which any adapter may use
     * and which itself uses no adapter ({@link #SHARED_ADAPTER_CODE_USES_NO_ADAPTER}).
     */
    public static final ArchRule ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER = slices()
            .matching("io.tandem.adapters.(*).(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(resideInAPackage(ADAPTERS), resideInAPackage(SHARED_ADAPTER_CODE))
            .because("adapters never depend on each other, only on shared adapter code; only bootstrap knows them "
                    + "all (ADR-0002, ADR-0004)");

    public static final ArchRule SHARED_ADAPTER_CODE_USES_NO_ADAPTER = noClasses()
            .that().resideInAPackage(SHARED_ADAPTER_CODE)
            .should().dependOnClassesThat().resideInAnyPackage(INBOUND_ADAPTERS, OUTBOUND_ADAPTERS, BOOTSTRAP)
            .because("shared adapter code is a leaf every adapter may use, so it uses no adapter itself (ADR-0004)");

    public static final ArchRule ONLY_BOOTSTRAP_WIRES = noClasses()
            .that().resideOutsideOfPackage(BOOTSTRAP)
            // Any dependency, not only a class annotation: @Requires on a factory method counts too.
            .should().dependOnClassesThat().belongToAnyOf(
                    Factory.class, Requires.class, ConfigurationProperties.class,
                    EachProperty.class, ConfigurationBuilder.class)
            .because("the object graph and adapter choices are wired only in bootstrap (ADR-0004)");

    public static final ArchRule DOMAIN_SLICES_ARE_FREE_OF_CYCLES = slices()
            .matching("io.tandem.domain.(*)..")
            .should().beFreeOfCycles()
            .because("the domain feature slices are free of cycles (ADR-0002)");

    /**
     * The old flat packages ({@code application.port.in}, {@code port.out}, {@code service}) hold every feature at
     * once; a class there is back in the layout the feature packages replaced.
     */
    public static final ArchRule APPLICATION_IS_IN_FEATURE_PACKAGES = classes()
            .that().resideInAPackage(APPLICATION)
            // The application's own package-info, at the root, says what the features are.
            .and().doNotHaveSimpleName("package-info")
            .should().resideInAPackage("io.tandem.application.*..")
            .andShould().resideOutsideOfPackages("io.tandem.application.port..", "io.tandem.application.service..")
            .because("the application is split by feature, each with its own port.in, port.out and internals "
                    + "(ADR-0008)");

    /** One slice per feature: {@code io.tandem.application.serving..} is one, port.in and port.out included. */
    public static final ArchRule APPLICATION_FEATURES_ARE_FREE_OF_CYCLES = slices()
            .matching("io.tandem.application.(*)..")
            .should().beFreeOfCycles()
            .because("application features depend on each other one way only, so each can be read and changed "
                    + "from its dependencies up (ADR-0002, ADR-0008)");

    /**
     * Inbound adapters see the application only through use cases. Outbound ports and a feature's internals are
     * for the core and the outbound adapters; a type that both sides need (a job, the event log's refusal)
     * belongs in the domain or in port.in.
     */
    public static final ArchRule INBOUND_ADAPTERS_USE_ONLY_INBOUND_PORTS = classes()
            .that().resideInAPackage(INBOUND_ADAPTERS)
            .and().resideOutsideOfPackage(BENCH_HARNESS)
            .should().onlyDependOnClassesThat(resideOutsideOfPackage("io.tandem..")
                    .or(resideInAnyPackage(INBOUND_ADAPTERS, SHARED_ADAPTER_CODE, DOMAIN, INBOUND_PORTS)))
            .because("inbound adapters call use cases through port.in and speak the domain, nothing else of the "
                    + "core (ADR-0002, ADR-0008)");

    /**
     * The benchmark harness's exemption, exactly: besides what any inbound adapter uses, the five outbound ports of
     * the request path that its stage breakdown times alone (its {@code RequestPathPorts}), and nothing else of the
     * core: no other outbound port, no service or internal class of a feature.
     */
    public static final ArchRule BENCH_HARNESS_REACHES_ONLY_PORTS = classes()
            .that().resideInAPackage(BENCH_HARNESS)
            .should().onlyDependOnClassesThat(resideOutsideOfPackage("io.tandem..")
                    .or(resideInAnyPackage(BENCH_HARNESS, SHARED_ADAPTER_CODE, DOMAIN, INBOUND_PORTS))
                    .or(belongToAnyOf(LoadUserStatePort.class, LoadNewestItemsPort.class, LoadItemsPort.class,
                            LoadModelArtifactPort.class, LoadScoringModelPort.class)))
            .because("the benchmarks measure the request path's dependencies one by one through their ports, and "
                    + "reach nothing else past the use cases (ADR-0002, ADR-0008)");

    public static final ArchRule INBOUND_PORTS_ARE_USE_CASES = portInterfacesIn(INBOUND_PORTS)
            .should().haveSimpleNameEndingWith("UseCase")
            .because("an inbound port is one use case, named XxxUseCase (ADR-0008)");

    public static final ArchRule OUTBOUND_PORTS_END_IN_PORT = portInterfacesIn(OUTBOUND_PORTS)
            .should().haveSimpleNameEndingWith("Port")
            .because("an outbound port is narrow and verb-named, ending in Port (ADR-0008)");

    public static final ArchRule OUTBOUND_ADAPTERS_END_IN_ADAPTER = classes()
            .that().resideInAPackage(OUTBOUND_ADAPTERS)
            .and().implement(resideInAPackage(OUTBOUND_PORTS))
            .should().haveSimpleNameEndingWith("Adapter")
            .because("a class implementing outbound ports is a <Technology><Purpose>Adapter (ADR-0008)");

    public static final List<ArchRule> ALL = List.of(
            DOMAIN_DEPENDS_ON_JDK_ONLY,
            APPLICATION_DEPENDS_ON_DOMAIN_AND_JDK_ONLY,
            CORE_IS_FRAMEWORK_FREE,
            CORE_DOES_NOT_DEPEND_ON_ADAPTERS_OR_BOOTSTRAP,
            ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER,
            SHARED_ADAPTER_CODE_USES_NO_ADAPTER,
            ONLY_BOOTSTRAP_WIRES,
            DOMAIN_SLICES_ARE_FREE_OF_CYCLES,
            APPLICATION_IS_IN_FEATURE_PACKAGES,
            APPLICATION_FEATURES_ARE_FREE_OF_CYCLES,
            INBOUND_ADAPTERS_USE_ONLY_INBOUND_PORTS,
            BENCH_HARNESS_REACHES_ONLY_PORTS,
            INBOUND_PORTS_ARE_USE_CASES,
            OUTBOUND_PORTS_END_IN_PORT,
            OUTBOUND_ADAPTERS_END_IN_ADAPTER);

    private static GivenClassesConjunction portInterfacesIn(String packageIdentifier) {
        return classes().that().resideInAPackage(packageIdentifier).and().areInterfaces()
                // A compiled package-info.java is a synthetic interface, not a port.
                .and().doNotHaveSimpleName("package-info");
    }

    private TandemArchitecture() {
    }
}
