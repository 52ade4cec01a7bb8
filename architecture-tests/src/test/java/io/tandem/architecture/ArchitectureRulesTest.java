package io.tandem.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Applies {@link TandemArchitecture} to the project's main classes, which arrive as the jars of
 * the other modules (hence no DoNotIncludeJars). Test classes, the rule fixtures among them, stay out.
 */
class ArchitectureRulesTest {

    private static final JavaClasses PROJECT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tandem");

    @ParameterizedTest(name = "{0}")
    @FieldSource("io.tandem.architecture.TandemArchitecture#ALL")
    void projectKeepsRule(ArchRule rule) {
        rule.check(PROJECT);
    }

    /** Guards against a broken import making every rule pass on too few classes. */
    @ParameterizedTest
    @ValueSource(strings = {
            "io.tandem.domain", "io.tandem.application.*.port.in", "io.tandem.application.*.port.out",
            "io.tandem.application", "io.tandem.adapters.in", "io.tandem.adapters.out",
            "io.tandem.adapters.in.bench", "io.tandem.adapters.shared.json", "io.tandem.adapters.shared.parquet",
            "io.tandem.adapters.shared.datasets",
            "io.tandem.bootstrap"})
    void importHoldsClassesOfEveryLayer(String layer) {
        assertThat(PROJECT.that(resideInAPackage(layer + "..")))
                .as("classes imported from %s..", layer)
                .isNotEmpty();
    }

    @Test
    void ruleFixturesStayOutOfTheProjectImport() {
        assertThat(PROJECT.that(resideInAPackage("..archfixture.."))).isEmpty();
    }
}
