package io.tandem.adapters.shared.datasets;

import io.tandem.domain.evaluation.EvaluationDataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The splits {@code tandem evaluate} reads, with the text ids behind their indexes, for commands that replay the
 * same split through the API ({@code bench quality}) and must compare with exactly what {@code evaluate} measures.
 */
public final class EvaluationSplits {

    /** A dataset and the ids of its users and items, by index. */
    public record Named(EvaluationDataset dataset, List<String> userIds, List<String> itemIds) {

        public Named {
            Objects.requireNonNull(dataset, "dataset");
            userIds = List.copyOf(userIds);
            itemIds = List.copyOf(itemIds);
            if (userIds.size() != dataset.userCount() || itemIds.size() != dataset.itemCount()) {
                throw new IllegalArgumentException("one id per user and per item is needed");
            }
        }
    }

    private EvaluationSplits() {
    }

    /** The five MovieLens 100K folds u1..u5 from their base/test files. */
    public static Named movieLensFolds(Path folder) throws IOException {
        return EvaluationFiles.readNamed(EvaluationFiles.Dataset.ML_100K, folder, EvaluationFiles.Protocol.FOLDS, 0,
                EvaluationFiles.MOVIELENS_FOLDS);
    }

    /** MovieLens 100K u.data with each user's latest 20% held out, as {@code evaluate --protocol temporal}. */
    public static Named movieLensTemporal(Path folder) throws IOException {
        return EvaluationFiles.readNamed(EvaluationFiles.Dataset.ML_100K, folder, EvaluationFiles.Protocol.TEMPORAL,
                0, 1);
    }

    /** HetRec Last.fm 2K with a seeded 20% of each user's listenings held out, as {@code evaluate}. */
    public static Named lastFm(Path folder, long seed) throws IOException {
        return EvaluationFiles.readNamed(EvaluationFiles.Dataset.LASTFM_2K, folder, EvaluationFiles.Protocol.RANDOM,
                seed, 1);
    }

    /** The files each reader needs in its folder. */
    public static List<String> movieLensFoldFiles() {
        return EvaluationFiles.requiredFiles(EvaluationFiles.Dataset.ML_100K, EvaluationFiles.Protocol.FOLDS);
    }

    public static List<String> movieLensTemporalFiles() {
        return EvaluationFiles.requiredFiles(EvaluationFiles.Dataset.ML_100K, EvaluationFiles.Protocol.TEMPORAL);
    }

    public static List<String> lastFmFiles() {
        return EvaluationFiles.requiredFiles(EvaluationFiles.Dataset.LASTFM_2K, EvaluationFiles.Protocol.RANDOM);
    }
}
