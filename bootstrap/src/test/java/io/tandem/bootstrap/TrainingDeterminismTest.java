package io.tandem.bootstrap;

import io.tandem.application.registry.port.out.LoadModelArtifactPort;
import io.tandem.application.training.port.in.TrainingReport;
import io.tandem.domain.model.ModelVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same lake, settings and seed give the same version (ADR-0022): two Tandems with separate state, loaded with
 * the same events and trained with the same seed, record the same metrics and metadata and store byte-identical
 * ranker and serving artifacts, so they score every candidate alike. Another seed gives another ranker.
 */
class TrainingDeterminismTest {

    @Test
    void theSameLakeSettingsAndSeedGiveTheSameMetricsAndTheSameArtifacts() throws Exception {
        Trained first = trainOnce(42L);
        Trained second = trainOnce(42L);

        assertThat(second.version().metrics()).isEqualTo(first.version().metrics());
        assertThat(second.version().metadata()).isEqualTo(first.version().metadata());
        assertThat(second.version().metadata()).containsEntry("refit", "true");
        assertThat(second.ranker()).isEqualTo(first.ranker());
        assertThat(second.bundle()).isEqualTo(first.bundle());

        Trained otherSeed = trainOnce(43L);
        assertThat(otherSeed.ranker()).isNotEqualTo(first.ranker());
    }

    private static Trained trainOnce(long seed) throws Exception {
        try (TandemHttp tandem = TandemHttp.start(TandemHttp.isolated())) {
            SyntheticLake.load(tandem, 7L);
            TrainingReport report = SyntheticLake.train(tandem, seed);
            LoadModelArtifactPort load = tandem.context().getBean(LoadModelArtifactPort.class);
            ModelVersion version = report.version();
            return new Trained(version, load.load(version.artifactUri()),
                    load.load(version.artifactUri().resolve("serving.bin")));
        }
    }

    /** A trained version and its stored ranker and serving bundle, compared field by field. */
    private record Trained(ModelVersion version, byte[] ranker, byte[] bundle) {
    }
}
