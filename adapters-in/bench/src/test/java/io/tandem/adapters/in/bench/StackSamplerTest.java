package io.tandem.adapters.in.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StackSamplerTest {

    private static final String SERVICE = "io.tandem.application.serving.RecommendItemsService";
    private static final String PIPELINE = "io.tandem.application.serving.RequestPipeline";

    @Test
    void filesASampleUnderTheInnermostStageItRecognises() {
        assertThat(StackSampler.classify(stack(
                frame("io.tandem.domain.retrieval.training.EaseTrainer$EaseModel", "score"),
                frame("io.tandem.domain.retrieval.CandidateGenerator", "candidates"),
                frame("io.tandem.application.serving.ServingModel", "candidates"),
                frame(PIPELINE, "lambda$withCandidates$2"),
                frame(PIPELINE, "guard"),
                frame(PIPELINE, "withCandidates"),
                frame(SERVICE, "recommend"))))
                .contains(Stage.CANDIDATES);
        assertThat(StackSampler.classify(stack(
                frame("ai.onnxruntime.OrtSession", "run"),
                frame("io.tandem.bootstrap.DependencyGuard", "call"),
                frame("io.tandem.application.serving.ServingModel", "score"),
                frame(SERVICE, "recommend"))))
                .contains(Stage.SCORING);
    }

    @Test
    void tellsTheGuardedRemoteCallsApartByTheirCaller() {
        StackTraceElement parked = frame("java.util.concurrent.FutureTask", "get");
        StackTraceElement guard = frame("io.tandem.bootstrap.DependencyGuard", "bounded");

        StackTraceElement wiring = frame("io.tandem.bootstrap.ServingFactory", "lambda$servingDependencies$3");

        assertThat(StackSampler.classify(stack(parked, guard, wiring,
                frame(PIPELINE, "lambda$userState$0"), frame(PIPELINE, "guard"), frame(PIPELINE, "userState"),
                frame(SERVICE, "recommend")))).contains(Stage.ONLINE_STORE);
        assertThat(StackSampler.classify(stack(parked, guard, wiring,
                frame(PIPELINE, "lambda$catalogItems$3"), frame(PIPELINE, "guard"),
                frame(PIPELINE, "catalogItems"), frame(SERVICE, "ranked"), frame(SERVICE, "lambda$recommend$1"),
                frame(SERVICE, "recommend")))).contains(Stage.CATALOG);
    }

    @Test
    void ignoresSamplesOutsideTheUseCaseAndFilesUnknownWorkUnderOther() {
        assertThat(StackSampler.classify(stack(frame("java.lang.Thread", "sleep")))).isEmpty();
        assertThat(StackSampler.classify(stack(frame("java.util.Arrays", "sort"),
                frame(SERVICE, "recommend")))).contains(Stage.OTHER);
    }

    private static StackTraceElement[] stack(StackTraceElement... innermostFirst) {
        return innermostFirst;
    }

    private static StackTraceElement frame(String className, String method) {
        return new StackTraceElement(className, method, null, -1);
    }
}
