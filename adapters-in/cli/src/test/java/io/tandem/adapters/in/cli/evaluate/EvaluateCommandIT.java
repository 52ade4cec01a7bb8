package io.tandem.adapters.in.cli.evaluate;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.adapters.in.cli.imports.SharedData;
import io.tandem.adapters.out.xgboost.XgboostRankerAdapter;
import io.tandem.application.evaluation.EvaluateRecommendersService;
import io.tandem.application.training.Retriever;
import io.tandem.application.training.TwoStageSettings;
import io.tandem.domain.retrieval.training.EaseParameters;
import io.tandem.domain.retrieval.training.EaseTrainer;
import io.tandem.domain.retrieval.training.IalsParameters;
import io.tandem.domain.retrieval.training.IalsTrainer;
import io.tandem.domain.retrieval.training.ItemKnnParameters;
import io.tandem.domain.retrieval.training.ItemKnnTrainer;
import io.tandem.domain.retrieval.training.PopularityParameters;
import io.tandem.domain.retrieval.training.PopularityTrainer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tandem evaluate} end to end on the real data sets, for the protocols other than MovieLens' five folds:
 * each user's latest ratings, and a random split of Last.fm. The two-stage system trains one ranker instead of
 * five bags (the same code path at a fifth of the ranker's cost): these tests check that the protocols run and
 * report every model, not the quality, which bootstrap's {@code TwoStageMovieLensIT} checks through the
 * deployable's own {@code tandem evaluate} with the default settings. The reports land in
 * {@code target/evaluation/}; the tests are skipped when the data sets are not beside the repository.
 */
class EvaluateCommandIT {

    private static final Path REPORTS = Path.of("target", "evaluation");

    @Test
    void movieLensTemporalRunsOnEachUsersLatestRatings() throws IOException {
        Path data = SharedData.require("ml-100k");
        Path json = REPORTS.resolve("ml-100k-temporal.json");

        EvaluationPlatform.Run run = platform().run("evaluate", "--dataset", "ml-100k", "--path", data.toString(),
                "--protocol", "temporal", "--output", json.toString());

        System.out.print(run.out());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(new ObjectMapper().readTree(json.toFile()).get("protocol").asText()).isEqualTo("temporal");
    }

    @Test
    void lastFmRandomSplitReportsEveryModel() throws IOException {
        Path data = SharedData.require("hetrec2011-lastfm-2k");
        Path json = REPORTS.resolve("lastfm-2k-random.json");

        EvaluationPlatform.Run run = platform().run("evaluate", "--dataset", "lastfm-2k", "--path", data.toString(),
                "--output", json.toString());

        System.out.print(run.out());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(new ObjectMapper().readTree(json.toFile()).get("models")).hasSize(5);
    }

    private static EvaluationPlatform platform() {
        List<Retriever> retrievers = List.of(
                new Retriever("popularity", new PopularityTrainer(PopularityParameters.mostPopular())::train),
                new Retriever("item-knn", new ItemKnnTrainer(ItemKnnParameters.defaults())::train),
                new Retriever("ials", new IalsTrainer(IalsParameters.defaults())::train),
                new Retriever("ease", new EaseTrainer(EaseParameters.defaults())::train));
        TwoStageSettings oneBag = TwoStageSettings.defaults().withBags(1);
        return new EvaluationPlatform(new EvaluateRecommendersService(retrievers, new XgboostRankerAdapter(),
                oneBag));
    }
}
