package io.tandem.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.tandem.application.fakeranking.archfixture.ExplainedRankingService;
import io.tandem.application.fakeranking.archfixture.RankAndExplainService;
import io.tandem.application.fakeranking.archfixture.RankItemsService;
import io.tandem.application.fakeranking.archfixture.RankingServiceBase;
import io.tandem.application.fakeranking.port.in.archfixture.ExplainRankingUseCase;
import io.tandem.application.fakeranking.port.in.archfixture.RankItemsQuery;
import io.tandem.application.fakeranking.port.in.archfixture.RankItemsUseCase;
import io.tandem.domain.fakecatalog.archfixture.Item;
import io.tandem.domain.fakeranking.archfixture.Ranking;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One class, one use case (ADR-0008, issue 12): a class implements at most one inbound port, counting the ports it
 * inherits, so each use case has a service of its own that can be read, tested and changed alone. Proven to fail on
 * fixtures that implement two, directly or through a base class, like the rules of {@link TandemArchitecture}.
 */
class OneUseCasePerClassTest {

    /** An inbound port: an interface named {@code XxxUseCase} in a feature's {@code port.in}. */
    private static final DescribedPredicate<JavaClass> USE_CASE = resideInAPackage("io.tandem.application.*.port.in..")
            .and(DescribedPredicate.describe("named ...UseCase", (JavaClass type) -> type.isInterface()
                    && type.getSimpleName().endsWith("UseCase")))
            .as("an inbound port (…UseCase in port.in)");

    static final ArchRule ONE_USE_CASE_PER_CLASS = classes()
            .that().areNotInterfaces()
            .and().implement(USE_CASE)
            .should(implementAtMostOneUseCase())
            .because("each use case has a service of its own, so one can change without touching another "
                    + "(ADR-0008, issue 12)");

    private static final JavaClasses PROJECT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tandem");

    @Test
    void projectKeepsRule() {
        ONE_USE_CASE_PER_CLASS.check(PROJECT);
    }

    @Test
    void servicesOfOneUseCaseEachKeepRule() {
        ONE_USE_CASE_PER_CLASS.check(importWith(RankItemsService.class, RankingServiceBase.class));
    }

    @Test
    void serviceImplementingTwoUseCasesBreaksRule() {
        assertViolation(RankAndExplainService.class);
    }

    @Test
    void serviceAddingAUseCaseToAnInheritedOneBreaksRule() {
        assertViolation(ExplainedRankingService.class);
    }

    private static ArchCondition<JavaClass> implementAtMostOneUseCase() {
        return new ArchCondition<>("implement at most one use case") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                List<String> useCases = type.getAllRawInterfaces().stream().filter(USE_CASE)
                        .map(JavaClass::getName).sorted().toList();
                boolean satisfied = useCases.size() <= 1;
                events.add(new SimpleConditionEvent(type, satisfied, type.getName() + " implements "
                        + useCases.size() + " use cases: " + String.join(", ", useCases)));
            }
        };
    }

    private static void assertViolation(Class<?> offender) {
        EvaluationResult result = ONE_USE_CASE_PER_CLASS.evaluate(importWith(offender, RankingServiceBase.class));

        assertThat(result.hasViolation()).as("violation of: %s", ONE_USE_CASE_PER_CLASS).isTrue();
        assertThat(result.getFailureReport().toString()).contains(offender.getName())
                .doesNotContain(RankingServiceBase.class.getName() + " implements");
    }

    private static JavaClasses importWith(Class<?>... classes) {
        return new ClassFileImporter().importClasses(Stream.concat(Stream.of(Item.class, Ranking.class,
                RankItemsUseCase.class, ExplainRankingUseCase.class, RankItemsQuery.class), Stream.of(classes))
                .toList());
    }
}
