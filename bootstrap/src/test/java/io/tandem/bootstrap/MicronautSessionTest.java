package io.tandem.bootstrap;

import io.tandem.adapters.in.bench.BenchPlatform;
import io.tandem.adapters.in.cli.UseCases;
import io.tandem.application.catalog.port.in.CountCatalogQuery;
import io.tandem.application.training.port.in.TrainModelsCommand;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The typed access bootstrap gives the command line and the benchmarks: on the embedded adapters, every accessor of
 * a session's {@link UseCases} and every part of the {@link BenchPlatform} is a working bean of the started context.
 */
class MicronautSessionTest {

    @Test
    void everyUseCaseOfASessionIsAWiredBeanOfItsType() throws Exception {
        try (MicronautSession session = new MicronautSession(
                MicronautTandemLauncher.start(TandemHttp.isolated(), Profile.EMBEDDED, false))) {
            UseCases useCases = session.useCases();
            for (Method accessor : UseCases.class.getMethods()) {
                assertThat(accessor.invoke(useCases)).as(accessor.getName()).isInstanceOf(accessor.getReturnType());
            }
            assertThat(useCases.countCatalog().count(new CountCatalogQuery()).items()).isZero();
        }
    }

    @Test
    void theBenchPlatformHoldsEveryPortItNamesAndTheServedModel() throws Exception {
        try (var context = MicronautTandemLauncher.start(TandemHttp.isolated(), Profile.EMBEDDED, false)) {
            BenchPlatform platform = MicronautBenchLauncher.platform(context);

            for (RecordComponent component : BenchPlatform.class.getRecordComponents()) {
                assertThat(component.getAccessor().invoke(platform)).as(component.getName()).isNotNull();
            }
            assertThat(platform.servedModel()).isEqualTo(TrainModelsCommand.DEFAULT_MODEL);
            // As the request path is configured (tandem.serving.history-limit, fresh-items), not a copy of it.
            assertThat(platform.requestPath().historyLimit()).isEqualTo(500);
            assertThat(platform.requestPath().freshItems()).isEqualTo(20);
        }
    }
}
