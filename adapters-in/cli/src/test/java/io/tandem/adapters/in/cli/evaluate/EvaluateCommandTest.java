package io.tandem.adapters.in.cli.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.domain.evaluation.EvaluationDataset;
import io.tandem.domain.evaluation.EvaluationReport;
import io.tandem.domain.evaluation.ModelEvaluation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EvaluateCommandTest {

    private static final EvaluationReport REPORT = new EvaluationReport("ml-100k", "folds", 10, 5, List.of(
            row("popularity", 0.19, 0.5), row("two-stage", 0.41, 12.25)));

    @TempDir
    Path folder;

    @Test
    void readsTheFiveMovieLensFoldsAndPrintsAndWritesTheReport() throws IOException {
        movieLens(folder);
        Path json = folder.resolve("out/report.json");
        EvaluationPlatform platform = EvaluationPlatform.answering(REPORT);

        EvaluationPlatform.Run run = platform.run("evaluate", "--dataset", "ml-100k", "--path", folder.toString(),
                "--protocol", "folds", "--output", json.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        EvaluationDataset data = platform.commands.get(0).dataset();
        assertThat(data.folds()).hasSize(5);
        assertThat(data.itemCount()).isEqualTo(3);
        assertThat(data.userCount()).isEqualTo(2);
        // Item "2" is the second line of u.item, in genre 1 ("Comedy"), released 1 Jan 1995.
        assertThat(data.items().categories()[1]).containsExactly(1);
        assertThat(data.items().createdAt()[1]).isEqualTo(788_918_400L);
        assertThat(platform.commands.get(0).k()).isEqualTo(10);
        assertThat(platform.commands.get(0).seed()).isEqualTo(42);
        assertThat(platform.sessionsClosed).isEqualTo(1);
        assertThat(run.out()).contains("two-stage", "precision@10", "Evaluated in");
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.get("dataset").asText()).isEqualTo("ml-100k");
        assertThat(root.get("protocol").asText()).isEqualTo("folds");
        assertThat(root.get("models").get(1).get("name").asText()).isEqualTo("two-stage");
        assertThat(root.get("models").get(1).get("precision@10").asDouble()).isEqualTo(0.41);
        assertThat(root.get("models").get(1).get("train_seconds").asDouble()).isEqualTo(12.25);
    }

    @Test
    void theTemporalProtocolHoldsOutEachUsersLatestRatings() throws IOException {
        movieLens(folder);
        EvaluationPlatform platform = EvaluationPlatform.answering(REPORT);

        EvaluationPlatform.Run run = platform.run("evaluate", "--dataset", "ml-100k", "--path", folder.toString(),
                "--protocol", "temporal", "--seed", "7");

        assertThat(run.exitCode()).as(run.err()).isZero();
        EvaluationDataset data = platform.commands.get(0).dataset();
        assertThat(data.protocol()).isEqualTo("temporal");
        // The seed goes to the service, which seeds the ranker's hold-outs as a train job with that seed does.
        assertThat(platform.commands.get(0).seed()).isEqualTo(7);
        assertThat(data.folds()).hasSize(1);
        // User "1" rated items 1, 2, 3 at times 100, 300, 200 in u.data: 20% of 3 rounds to 1, the latest (item 2).
        assertThat(data.folds().get(0).test().items()).contains(1);
    }

    @Test
    void lastFmIsSplitAtRandomWithPlayCountsAsValues() throws IOException {
        Files.writeString(folder.resolve("user_artists.dat"),
                "userID\tartistID\tweight\n2\t51\t13883\n2\t52\t11690\n2\t53\t11351\n3\t51\t20\n3\t54\t7\n");
        EvaluationPlatform platform = EvaluationPlatform.answering(REPORT);

        EvaluationPlatform.Run run = platform.run("evaluate", "--dataset", "lastfm-2k", "--path", folder.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        EvaluationDataset data = platform.commands.get(0).dataset();
        assertThat(data.protocol()).isEqualTo("random");
        assertThat(data.userCount()).isEqualTo(2);
        assertThat(data.itemCount()).isEqualTo(4);
        assertThat(data.folds().get(0).train().size() + data.folds().get(0).test().size()).isEqualTo(5);
    }

    @Test
    void refusesWhatItCannotEvaluateWithAReason() throws IOException {
        movieLens(folder);
        EvaluationPlatform platform = EvaluationPlatform.answering(REPORT);

        EvaluationPlatform.Run unknown = platform.run("evaluate", "--dataset", "netflix", "--path", folder.toString());
        EvaluationPlatform.Run noFolds = platform.run("evaluate", "--dataset", "lastfm-2k", "--path",
                folder.toString(), "--protocol", "folds");
        Files.delete(folder.resolve("u3.test"));
        EvaluationPlatform.Run missing = platform.run("evaluate", "--dataset", "ml-100k", "--path", folder.toString());

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown --dataset 'netflix'");
        assertThat(noFolds.exitCode()).isEqualTo(2);
        assertThat(noFolds.err()).contains("use --protocol random");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("u3.test");
        assertThat(platform.commands).isEmpty();
    }

    @Test
    void helpDescribesTheProtocols() {
        EvaluationPlatform.Run run = EvaluationPlatform.answering(REPORT).run("evaluate", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--dataset", "--protocol", "temporal", "--output");
    }

    /** Two users, three items in two genres, the same four ratings in every fold, and u.data. */
    private static void movieLens(Path folder) throws IOException {
        write(folder.resolve("u.genre"), "Drama|0\nComedy|1\n");
        write(folder.resolve("u.item"), "1|Alpha (1994)|01-Jan-1994||http://x|1|0\n"
                + "2|Beta (1995)|01-Jan-1995||http://x|0|1\n"
                + "3|Gamma (1996)||||1|1\n");
        for (int f = 1; f <= 5; f++) {
            write(folder.resolve("u" + f + ".base"), "1\t1\t5\t100\n1\t3\t4\t200\n2\t2\t3\t150\n");
            write(folder.resolve("u" + f + ".test"), "1\t2\t4\t300\n");
        }
        write(folder.resolve("u.data"), "1\t1\t5\t100\n1\t3\t4\t200\n2\t2\t3\t150\n1\t2\t4\t300\n2\t1\t2\t50\n");
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.ISO_8859_1);
    }

    private static ModelEvaluation row(String name, double precision, double seconds) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("precision@10", precision);
        metrics.put("ndcg@10", precision + 0.05);
        metrics.put("coverage", 0.2);
        return new ModelEvaluation(name, metrics, seconds);
    }
}
