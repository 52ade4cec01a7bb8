package io.tandem.application.training;

import io.tandem.application.catalog.port.out.LoadItemsPort;
import io.tandem.application.ingestion.port.out.ReadLakePort;
import io.tandem.application.registry.port.out.LoadModelArtifactPort;
import io.tandem.application.registry.port.out.StoreModelArtifactPort;
import io.tandem.application.serving.port.out.LoadScoringModelPort;
import io.tandem.application.training.port.out.ExportRankerPort;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.interaction.Event;
import io.tandem.domain.interaction.EventType;
import io.tandem.domain.interaction.LabelWeights;
import io.tandem.domain.model.TreeEnsemble;
import io.tandem.domain.ranking.ScoringModel;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static io.tandem.application.catalog.ItemFixture.anItem;
import static io.tandem.application.ingestion.EventFixture.anEvent;

/**
 * A small lake for the training service tests (skewed item popularity over ten days, with impressions, hides and
 * ratings among the clicks), a catalog, and artifact fakes that keep exported ensembles in memory.
 */
final class TrainingFixture {

    static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    static final int USERS = 40;
    static final int ITEMS = 20;
    static final int DAYS = 10;

    final List<Event> events = new ArrayList<>();
    final Map<ItemId, Item> catalog = new HashMap<>();
    /** Exported ensembles by the token their artifact holds. */
    final Map<String, TreeEnsemble> exported = new LinkedHashMap<>();
    final Map<URI, byte[]> stored = new LinkedHashMap<>();
    final AtomicInteger artifactLoads = new AtomicInteger();
    final AtomicInteger scorersOpened = new AtomicInteger();
    final AtomicInteger scorersClosed = new AtomicInteger();

    TrainingFixture() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < ITEMS; i++) {
            catalog.put(item(i), anItem(item(i).value()).categories(i % 2 == 0 ? "even" : "odd")
                    .createdAt(START.minus(Duration.ofDays(30 + i))).build());
        }
        int sequence = 0;
        for (int day = 0; day < DAYS; day++) {
            for (int u = 0; u < USERS; u++) {
                Instant at = START.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(17L * u + 1));
                for (int click = 0; click < 2; click++) {
                    add("e" + sequence++, EventType.CLICK, u, skewedItem(random), at.plusSeconds(click * 60L));
                }
                add("e" + sequence++, EventType.IMPRESSION, u, random.nextInt(ITEMS), at.plusSeconds(5));
            }
        }
        // One item only ever shown, and signals that teach nothing: they must not become interactions.
        add("shown-only", EventType.IMPRESSION, 0, ITEMS, START.plusSeconds(30));
        add("hidden", EventType.HIDE, 1, 3, START.plusSeconds(40));
        add("zero-rating", EventType.RATING, 2, 4, START.plusSeconds(50), 0.0);
        add("high-rating", EventType.RATING, 3, 5, START.plusSeconds(60), 4.0);
        events.sort(Comparator.comparing(Event::time).thenComparing(e -> e.id().value()));
    }

    /** Item index drawn with weight 1 / (index + 1): a few items are far more popular than the rest. */
    private static int skewedItem(SplittableRandom random) {
        double total = 0;
        for (int i = 0; i < ITEMS; i++) {
            total += 1.0 / (i + 1);
        }
        double draw = random.nextDouble() * total;
        for (int i = 0; i < ITEMS; i++) {
            draw -= 1.0 / (i + 1);
            if (draw <= 0) {
                return i;
            }
        }
        return ITEMS - 1;
    }

    private void add(String id, EventType type, int user, int item, Instant at) {
        events.add(anEvent(id).type(type).user("u" + user).item(item(item).value()).at(at).build());
    }

    private void add(String id, EventType type, int user, int item, Instant at, double value) {
        events.add(anEvent(id).type(type).user("u" + user).item(item(item).value()).at(at).value(value).build());
    }

    static ItemId item(int index) {
        return ItemId.of("i" + index);
    }

    /** The number of events whose default label is positive. */
    long positiveEvents() {
        return events.stream().filter(e -> LabelWeights.defaults().labelOf(e) > 0)
                .count();
    }

    /** The lake: events of the dates asked for, date after date. */
    ReadLakePort lake() {
        return (from, to, consumer) -> events.stream()
                .filter(e -> {
                    LocalDate date = LocalDate.ofInstant(e.time(), ZoneOffset.UTC);
                    return !date.isBefore(from) && !date.isAfter(to);
                })
                .forEach(consumer);
    }

    LoadItemsPort items() {
        return ids -> {
            Map<ItemId, Item> found = new HashMap<>();
            ids.forEach(id -> {
                if (catalog.containsKey(id)) {
                    found.put(id, catalog.get(id));
                }
            });
            return found;
        };
    }

    ExportRankerPort export() {
        return (ensemble, schema) -> {
            if (ensemble.featureCount() != schema.size()) {
                throw new InvalidFieldException("schema.features", "width differs from the ensemble's");
            }
            String token = "ensemble-" + exported.size();
            exported.put(token, ensemble);
            return token.getBytes(StandardCharsets.UTF_8);
        };
    }

    StoreModelArtifactPort store() {
        return (key, content) -> {
            URI uri = URI.create("mem:/" + key.path());
            stored.put(uri, content.clone());
            return uri;
        };
    }

    LoadModelArtifactPort load() {
        return uri -> {
            artifactLoads.incrementAndGet();
            byte[] content = stored.get(uri);
            if (content == null) {
                throw new InvalidFieldException("artifactUri", "no artifact at " + uri);
            }
            return content.clone();
        };
    }

    /** Opens an artifact by scoring its ensemble row by row, as the ONNX scorer must agree with. */
    LoadScoringModelPort open() {
        return (artifact, featureCount) -> {
            TreeEnsemble ensemble = exported.get(new String(artifact, StandardCharsets.UTF_8));
            if (ensemble == null || ensemble.featureCount() != featureCount) {
                throw new InvalidFieldException("model.artifact", "not an artifact of width " + featureCount);
            }
            scorersOpened.incrementAndGet();
            return new ScoringModel() {
                @Override
                public int featureCount() {
                    return featureCount;
                }

                @Override
                public float[] score(float[] features, int rows) {
                    return ensemble.scores(features, rows);
                }

                @Override
                public void close() {
                    scorersClosed.incrementAndGet();
                }
            };
        };
    }

    RankerArtifactPorts artifacts() {
        return new RankerArtifactPorts(export(), store(), load(), open());
    }

    /**
     * Stumps on one feature: each "feature >= t" for t = 1.5 .. depth + 0.5 adds {@code step}. With a rank feature
     * and step -1, rank 1 scores highest (follows the retriever); with step +1 the order is reversed.
     */
    static TreeEnsemble stumps(int feature, int featureCount, int depth, float step) {
        List<TreeEnsemble.Tree> trees = new ArrayList<>();
        for (int t = 1; t <= depth; t++) {
            trees.add(new TreeEnsemble.Tree(new int[] {feature, 0, 0}, new float[] {t + 0.5f, 0f, 0f},
                    new int[] {1, -1, -1}, new int[] {2, -1, -1}, new boolean[] {true, false, false},
                    new float[] {0f, 0f, step}));
        }
        return new TreeEnsemble(featureCount, 0.0, trees);
    }
}
