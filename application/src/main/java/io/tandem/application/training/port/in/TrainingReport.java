package io.tandem.application.training.port.in;

import io.tandem.application.registry.port.in.PromotionOutcome;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.model.ModelMetrics;
import io.tandem.domain.model.ModelStage;
import io.tandem.domain.model.ModelVersion;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a training run produced: the version as the registry holds it after the promotion decision, that decision,
 * the champion it was compared with (if any), and how much data it learnt from and was measured on.
 *
 * @param eventsRead     lake events read, of every type
 * @param users          users with at least one positive interaction
 * @param items          items with at least one event of any type
 * @param trainingRows   positive interactions before the cut
 * @param holdOutRows    positive interactions from the cut on
 * @param evaluatedUsers hold-out users measured: those with an item they had not interacted with before the cut,
 *                       or a seeded sample of them (ADR-0029)
 */
public record TrainingReport(ModelVersion version, PromotionOutcome promotion, Optional<ChampionMetrics> champion,
                             long eventsRead, int users, int items, int trainingRows, int holdOutRows,
                             int evaluatedUsers, double seconds) {

    public TrainingReport {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(promotion, "promotion");
        Objects.requireNonNull(champion, "champion");
        if (eventsRead < 0 || users < 0 || items < 0 || trainingRows < 0 || holdOutRows < 0 || evaluatedUsers < 0) {
            throw new InvalidFieldException("report", "counts must not be negative");
        }
    }

    public boolean promoted() {
        return version.stage() == ModelStage.CHAMPION;
    }

    /** One line for a job's outcome or a log. */
    public String summary() {
        String metrics = version.metrics().values().entrySet().stream()
                .filter(e -> e.getKey().startsWith("ndcg@") || e.getKey().startsWith("precision@"))
                .map(e -> String.format(Locale.ROOT, "%s %.4f", e.getKey(), e.getValue()))
                .reduce((a, b) -> a + ", " + b).orElse("no metrics");
        String refit = "true".equals(version.metadata().get("refit"))
                ? "; refit on the whole window (" + version.metadata().get("training.interactions") + " interactions)"
                : "";
        return String.format(Locale.ROOT, "registered %s %s (%s on %s); %s: %s%s", version.name(),
                version.version(), metrics, version.metrics().holdOut(), promoted() ? "champion" : "candidate",
                promotion.decision().reason(), refit);
    }

    /**
     * The champion's metrics on the challenger's hold-out: its stored ones when it was measured there already,
     * otherwise measured by this run ({@code remeasured}).
     */
    public record ChampionMetrics(String version, ModelMetrics metrics, boolean remeasured) {

        public ChampionMetrics {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(metrics, "metrics");
        }
    }
}
