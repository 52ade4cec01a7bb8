package io.tandem.adapters.in.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code bench quality} says to Tandem, all over the public HTTP API: catalog batches, event batches, the
 * train job and its status, the model registry and recommendations. Any answer other than the documented one
 * fails the run with the status and body, except {@code 503}, which is retried after its {@code Retry-After}.
 */
final class QualityClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RETRIES = 30;

    private final HttpClient http;
    private final String base;
    private final Duration timeout;

    QualityClient(String base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(BenchThreads.daemons(2, "tandem-bench-quality-http"))
                .build();
    }

    /** {@code POST /v1/items:batch}; returns the number upserted. */
    int upsertItems(List<String> itemObjects) {
        JsonNode answer = send("POST", "/v1/items:batch", "[" + String.join(",", itemObjects) + "]", 200);
        requireNoneRejected(answer, "items");
        return answer.path("upserted").asInt();
    }

    /** What {@code POST /v1/events} said about one batch, with the first refusal's reason. */
    record Ingested(long accepted, long duplicates, long rejected, String firstRejection) {
    }

    /** {@code POST /v1/events}; a batch of which nothing is valid (400 invalid-events) counts as all rejected. */
    Ingested recordEvents(List<String> eventObjects) {
        JsonNode answer;
        try {
            answer = send("POST", "/v1/events", "[" + String.join(",", eventObjects) + "]", 202);
        } catch (Refused refused) {
            if (refused.status == 400 && refused.body.contains("invalid-events")) {
                return new Ingested(0, 0, eventObjects.size(), refused.body);
            }
            throw refused;
        }
        JsonNode rejected = answer.path("rejected");
        return new Ingested(answer.path("accepted").asLong(), answer.path("duplicates").asLong(), rejected.size(),
                rejected.isEmpty() ? "" : rejected.get(0).toString());
    }

    /** {@code POST /v1/jobs {"type":"train"}}; returns the job id. */
    String startTraining() {
        return send("POST", "/v1/jobs", "{\"type\":\"train\"}", 202).path("jobId").asText();
    }

    /** {@code GET /v1/jobs/{id}}. */
    JsonNode job(String id) {
        return send("GET", "/v1/jobs/" + encode(id), null, 200);
    }

    /** The champion of each model that has one, from {@code GET /v1/models}: name and version. */
    List<String[]> champions() {
        List<String[]> champions = new ArrayList<>();
        for (JsonNode model : send("GET", "/v1/models", null, 200).path("models")) {
            if (model.hasNonNull("champion")) {
                champions.add(new String[] {model.path("name").asText(), model.path("champion").asText()});
            }
        }
        return champions;
    }

    /** One answer of {@code GET /v1/users/{id}/recommendations}, timed from send to the whole body. */
    record Answer(int status, List<String> items, Optional<String> modelVersion, boolean fallback,
                  Optional<String> fallbackReason, long nanos, String problem) {
    }

    Answer recommend(String user, int count) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/users/" + encode(user)
                + "/recommendations?count=" + count)).timeout(timeout).GET().build();
        long start = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new Answer(0, List.of(), Optional.empty(), false, Optional.empty(), System.nanoTime() - start,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        long nanos = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            return new Answer(response.statusCode(), List.of(), Optional.empty(), false, Optional.empty(), nanos,
                    response.body());
        }
        JsonNode answer = parse(response.body());
        List<String> items = new ArrayList<>();
        for (JsonNode item : answer.path("items")) {
            items.add(item.path("itemId").asText());
        }
        JsonNode model = answer.path("model");
        JsonNode fallback = answer.path("fallback");
        return new Answer(200, items, model.hasNonNull("version") ? Optional.of(model.path("version").asText())
                : Optional.empty(), fallback.path("used").asBoolean(false),
                fallback.hasNonNull("reason") ? Optional.of(fallback.path("reason").asText()) : Optional.empty(),
                nanos, "");
    }

    private JsonNode send(String method, String path, String body, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2));
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            if (response.statusCode() == expected) {
                return parse(response.body());
            }
            // 503: the event log asks to come back later; 409: another job still runs. Both pass.
            boolean retry = response.statusCode() == 503 || response.statusCode() == 409;
            if (!retry || attempt == RETRIES) {
                throw new Refused(method + " " + path, response.statusCode(), response.body());
            }
            long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
            BenchThreads.sleep(Duration.ofSeconds(Math.max(1, Math.min(seconds, 10))));
        }
    }

    /** An answer other than the one expected. */
    static final class Refused extends IllegalStateException {
        private final int status;
        private final String body;

        Refused(String request, int status, String body) {
            super(request + " answered " + status + ": " + body);
            this.status = status;
            this.body = body;
        }
    }

    private static void requireNoneRejected(JsonNode answer, String what) {
        JsonNode rejected = answer.path("rejected");
        if (rejected.isArray() && !rejected.isEmpty()) {
            throw new IllegalStateException(rejected.size() + " " + what + " were refused, the first: "
                    + rejected.get(0));
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
