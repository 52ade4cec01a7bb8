package io.tandem.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.tandem.adapters.in.bench.archfixture.ServiceReachingProbe;
import io.tandem.adapters.in.bench.archfixture.StageTimingProbe;
import io.tandem.adapters.in.cli.bench.archfixture.PortReachingProbe;
import io.tandem.adapters.in.fakecli.archfixture.ItemLine;
import io.tandem.adapters.in.fakecli.archfixture.ServiceCallingCommand;
import io.tandem.adapters.in.fakehttp.archfixture.ItemsController;
import io.tandem.adapters.in.fakehttp.archfixture.ItemsPortController;
import io.tandem.adapters.out.fakememory.archfixture.ConditionalItemsAdapter;
import io.tandem.adapters.out.fakememory.archfixture.InMemoryItemsAdapter;
import io.tandem.adapters.out.fakememory.archfixture.InMemoryItemsFactory;
import io.tandem.adapters.out.fakeone.archfixture.FakeOneClient;
import io.tandem.adapters.out.fakeredis.archfixture.RedisStore;
import io.tandem.adapters.out.faketwo.archfixture.FakeTwoClient;
import io.tandem.adapters.shared.fakejson.archfixture.ControllerAwareJson;
import io.tandem.adapters.shared.fakejson.archfixture.ItemJson;
import io.tandem.application.fakecatalog.archfixture.RankingAwareCatalog;
import io.tandem.application.fakecatalog.port.out.archfixture.LoadItemsPort;
import io.tandem.application.fakecatalog.port.out.archfixture.LoaderThing;
import io.tandem.application.fakeranking.archfixture.ControllerCallingService;
import io.tandem.application.fakeranking.archfixture.LoggingRankItemsService;
import io.tandem.application.fakeranking.archfixture.RankItemsService;
import io.tandem.application.fakeranking.archfixture.SingletonRankItemsService;
import io.tandem.application.fakeranking.port.in.archfixture.ItemRanker;
import io.tandem.application.fakeranking.port.in.archfixture.RankItemsQuery;
import io.tandem.application.fakeranking.port.in.archfixture.RankItemsUseCase;
import io.tandem.application.service.archfixture.FlatLayoutService;
import io.tandem.bootstrap.archfixture.RankingFactory;
import io.tandem.domain.fakecatalog.archfixture.IntrospectedItem;
import io.tandem.domain.fakecatalog.archfixture.Item;
import io.tandem.domain.fakecatalog.archfixture.JdbcItemLookup;
import io.tandem.domain.fakecatalog.archfixture.RankedItem;
import io.tandem.domain.fakeranking.archfixture.Ranking;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Proves that every rule in {@link TandemArchitecture} can fail, so none passes by inspecting
 * nothing. Each violation is a small well-formed Tandem (the conforming fixtures, which keep every
 * rule) plus the offending classes.
 */
class ArchitectureRulesCanFailTest {

    private static final List<Class<?>> CONFORMING = List.of(
            Item.class, Ranking.class,
            RankItemsUseCase.class, RankItemsQuery.class, LoadItemsPort.class, RankItemsService.class,
            ItemsController.class, InMemoryItemsAdapter.class, ItemLine.class, ItemJson.class,
            StageTimingProbe.class, RankingFactory.class,
            packageInfoOf(RankItemsUseCase.class), packageInfoOf(LoadItemsPort.class));

    @ParameterizedTest(name = "{0}")
    @FieldSource("io.tandem.architecture.TandemArchitecture#ALL")
    void everyRulePassesOnConformingFixtures(ArchRule rule) {
        rule.check(importWith());
    }

    @Test
    void domainUsingMicronautBreaksJdkOnlyDomain() {
        assertViolation(TandemArchitecture.DOMAIN_DEPENDS_ON_JDK_ONLY, IntrospectedItem.class);
    }

    @Test
    void applicationUsingALoggingLibraryBreaksInwardDependencies() {
        assertViolation(TandemArchitecture.APPLICATION_DEPENDS_ON_DOMAIN_AND_JDK_ONLY,
                LoggingRankItemsService.class);
    }

    @Test
    void jdbcInDomainAndInjectInApplicationBreakFrameworkFreeCore() {
        assertViolation(TandemArchitecture.CORE_IS_FRAMEWORK_FREE,
                JdbcItemLookup.class, SingletonRankItemsService.class);
    }

    @Test
    void jdbcInDomainSlipsPastJdkOnlyRule() {
        // Why CORE_IS_FRAMEWORK_FREE exists although it overlaps the JDK-only rule.
        TandemArchitecture.DOMAIN_DEPENDS_ON_JDK_ONLY.check(importWith(JdbcItemLookup.class));
    }

    @Test
    void applicationCallingAnAdapterBreaksInwardDependencies() {
        assertViolation(TandemArchitecture.CORE_DOES_NOT_DEPEND_ON_ADAPTERS_OR_BOOTSTRAP,
                ControllerCallingService.class);
    }

    @Test
    void adapterUsingAnotherAdapterBreaksAdapterIsolation() {
        assertViolation(TandemArchitecture.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER,
                FakeOneClient.class, FakeTwoClient.class);
    }

    @Test
    void sharedAdapterCodeUsingAnAdapterBreaksItsLeafRule() {
        assertViolation(TandemArchitecture.SHARED_ADAPTER_CODE_USES_NO_ADAPTER, ControllerAwareJson.class);
    }

    @Test
    void adapterWiringItselfBreaksBootstrapOnlyWiring() {
        assertViolation(TandemArchitecture.ONLY_BOOTSTRAP_WIRES,
                InMemoryItemsFactory.class, ConditionalItemsAdapter.class);
    }

    @Test
    void domainSlicesPointingAtEachOtherFormACycle() {
        assertViolation(TandemArchitecture.DOMAIN_SLICES_ARE_FREE_OF_CYCLES, RankedItem.class);
    }

    @Test
    void classInTheFlatApplicationLayoutBreaksFeaturePackages() {
        assertViolation(TandemArchitecture.APPLICATION_IS_IN_FEATURE_PACKAGES, FlatLayoutService.class);
    }

    @Test
    void applicationFeaturesPointingAtEachOtherFormACycle() {
        assertViolation(TandemArchitecture.APPLICATION_FEATURES_ARE_FREE_OF_CYCLES, RankingAwareCatalog.class);
    }

    @Test
    void inboundAdapterReachingPastUseCasesBreaksInboundBoundary() {
        assertViolation(TandemArchitecture.INBOUND_ADAPTERS_USE_ONLY_INBOUND_PORTS,
                ItemsPortController.class, ServiceCallingCommand.class);
    }

    /** The harness's old home inside the command line is no longer exempt: only the bench module is. */
    @Test
    void benchExemptionCoversTheBenchModuleOnly() {
        assertViolation(TandemArchitecture.INBOUND_ADAPTERS_USE_ONLY_INBOUND_PORTS, PortReachingProbe.class);
    }

    @Test
    void benchHarnessReachingPastItsNamedPortsBreaksItsExemption() {
        assertViolation(TandemArchitecture.BENCH_HARNESS_REACHES_ONLY_PORTS, ServiceReachingProbe.class);
    }

    @Test
    void inboundPortNotNamedUseCaseBreaksNaming() {
        assertViolation(TandemArchitecture.INBOUND_PORTS_ARE_USE_CASES, ItemRanker.class);
    }

    @Test
    void outboundPortNotNamedPortBreaksNaming() {
        assertViolation(TandemArchitecture.OUTBOUND_PORTS_END_IN_PORT, LoaderThing.class);
    }

    @Test
    void portImplementationNotNamedAdapterBreaksNaming() {
        assertViolation(TandemArchitecture.OUTBOUND_ADAPTERS_END_IN_ADAPTER, RedisStore.class);
    }

    private static void assertViolation(ArchRule rule, Class<?>... offenders) {
        EvaluationResult result = rule.evaluate(importWith(offenders));

        assertThat(result.hasViolation()).as("violation of: %s", rule).isTrue();
        String report = result.getFailureReport().toString();
        for (Class<?> offender : offenders) {
            assertThat(report).contains(offender.getName());
        }
    }

    private static Class<?> packageInfoOf(Class<?> member) {
        try {
            return Class.forName(member.getPackageName() + ".package-info");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("fixture package-info not compiled", e);
        }
    }

    private static JavaClasses importWith(Class<?>... extra) {
        return new ClassFileImporter().importClasses(
                Stream.concat(CONFORMING.stream(), Stream.of(extra)).toList());
    }
}
