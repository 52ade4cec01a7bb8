package io.tandem.adapters.in.http;

/**
 * Example bodies for the OpenAPI document (ADR-0027), shared by the controllers' annotations: the problems the
 * access filter gives on every route (401, 403, 429) and the shapes several routes answer with. They are constants
 * so annotations can use them; each mirrors what the code writes.
 */
final class ApiExamples {

    static final String UNAUTHORIZED = "Missing, unknown or revoked key (problem+json naming Authorization)";
    static final String FORBIDDEN = "The key lacks this route's scope (problem+json naming Authorization)";
    static final String TOO_MANY = "The key is over its rate limit for this route class; see Retry-After";
    static final String BAD_REQUEST = "A field is missing or invalid (problem+json naming it)";

    static final String PROBLEM_401 = "{\"type\":\"https://tandem.io/problems/missing-api-key\","
            + "\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"a key is required: send Authorization: "
            + "Bearer <key> or X-Api-Key\",\"field\":\"Authorization\"}";
    static final String PROBLEM_403_INGEST = "{\"type\":\"https://tandem.io/problems/insufficient-scope\","
            + "\"title\":\"Forbidden\",\"status\":403,\"detail\":\"this route needs a key with the 'ingest' scope\","
            + "\"field\":\"Authorization\"}";
    static final String PROBLEM_403_SERVE = "{\"type\":\"https://tandem.io/problems/insufficient-scope\","
            + "\"title\":\"Forbidden\",\"status\":403,\"detail\":\"this route needs a key with the 'serve' scope\","
            + "\"field\":\"Authorization\"}";
    static final String PROBLEM_403_ADMIN = "{\"type\":\"https://tandem.io/problems/insufficient-scope\","
            + "\"title\":\"Forbidden\",\"status\":403,\"detail\":\"this route needs a key with the 'admin' scope\","
            + "\"field\":\"Authorization\"}";
    static final String PROBLEM_429 = "{\"type\":\"https://tandem.io/problems/rate-limited\","
            + "\"title\":\"Too Many Requests\",\"status\":429,\"detail\":\"this key is over its rate limit for "
            + "serve routes; retry after 1 s\",\"field\":\"Authorization\"}";

    static final String PROBLEM_400_PREFIX = "{\"type\":\"https://tandem.io/problems/invalid-input\","
            + "\"title\":\"Bad Request\",\"status\":400,";

    static final String RECOMMENDATIONS = "{\"requestId\":\"7f3c2a9e-5b1d-4c8e-9a0f-2d6b4e8c1a37\","
            + "\"userId\":\"u1\",\"items\":[{\"itemId\":\"i42\",\"score\":0.91,\"rank\":1,"
            + "\"sources\":[\"als\",\"popular\"],\"explanation\":{\"als\":0.74,\"popular\":0.17}},"
            + "{\"itemId\":\"i7\",\"score\":0.66,\"rank\":2,\"sources\":[\"als\"],\"explanation\":{\"als\":0.66}}],"
            + "\"model\":{\"name\":\"default\",\"version\":\"v3\"},\"fallback\":{\"used\":false,\"reason\":null},"
            + "\"experiment\":\"ab-1\",\"variant\":\"b\"}";
    static final String REQUEST_ID_PARAMETER = "The request id follow-up events will quote in context.requestId: 1 to "
            + "128 characters, no control character, no whitespace at either end; generated when absent";
    static final String SURFACE_PARAMETER = "Where the answer is shown (a lower-case name such as home): the "
            + "experiment running on this surface applies; when absent, only an experiment on every surface does";
    static final String PROBLEM_400_REQUEST_ID = "{\"type\":\"https://tandem.io/problems/invalid-input\","
            + "\"title\":\"Bad Request\",\"status\":400,\"detail\":\"is longer than 128 characters\","
            + "\"field\":\"requestId\"}";

    static final String ITEM = "{\"itemId\":\"i42\",\"categories\":[\"drama\"],\"tags\":[\"award\"],"
            + "\"createdAt\":\"2026-12-01T10:00:00Z\",\"available\":true,\"attributes\":{\"year\":\"1994\"}}";
    static final String USER = "{\"userId\":\"u1\",\"attributes\":{\"country\":\"NL\"}}";

    static final String VERSION = "{\"name\":\"default\",\"version\":\"v3\",\"kind\":\"als\","
            + "\"stage\":\"champion\",\"holdOut\":\"temporal\",\"metrics\":{\"ndcg@10\":0.231,\"recall@10\":0.184},"
            + "\"schema\":{\"version\":\"s1\",\"features\":[\"als\",\"popular\"]},"
            + "\"artifactUri\":\"file:models/default/v3\",\"trainingWindow\":{\"from\":\"2026-11-01T00:00:00Z\","
            + "\"to\":\"2026-12-01T00:00:00Z\"},\"parent\":\"v2\",\"createdAt\":\"2026-12-01T02:00:00Z\","
            + "\"metadata\":{},\"decisions\":[]}";
    static final String CHANGE = "{\"name\":\"default\",\"champion\":" + VERSION + ",\"archived\":null}";

    static final String JOB = "{\"jobId\":\"j-0007\",\"type\":\"train\",\"status\":\"running\",\"progress\":0.4,"
            + "\"message\":\"training als\",\"queuedAt\":\"2026-12-07T02:30:00Z\","
            + "\"startedAt\":\"2026-12-07T02:30:01Z\",\"finishedAt\":null}";

    static final String EXPERIMENT_REQUEST = "{\"name\":\"ab-1\",\"surface\":\"home\",\"variants\":["
            + "{\"name\":\"a\",\"share\":0.5,\"model\":\"champion\"},{\"name\":\"b\",\"share\":0.5,"
            + "\"model\":{\"name\":\"two-stage\",\"version\":\"v4\"},\"options\":{\"diversity\":0.2}}]}";
    private static final String EXPERIMENT_VARIANTS = "\"variants\":[{\"name\":\"a\",\"share\":0.5,"
            + "\"model\":\"champion\",\"options\":{\"diversity\":null,\"explorationPlaces\":null,"
            + "\"candidatesPerRetriever\":null}},{\"name\":\"b\",\"share\":0.5,\"model\":{\"name\":"
            + "\"two-stage\",\"version\":\"v4\"},\"options\":{\"diversity\":0.2,\"explorationPlaces\":null,"
            + "\"candidatesPerRetriever\":null}}]";
    private static final String EXPERIMENT_HEAD = "{\"name\":\"ab-1\",\"salt\":\"ab-1\",\"surface\":"
            + "\"home\",\"holdout\":null,";
    static final String EXPERIMENT_DRAFT = EXPERIMENT_HEAD + "\"status\":\"draft\",\"startedAt\":null,"
            + "\"stoppedAt\":null,\"autoPromote\":false,\"design\":\"ab\"," + EXPERIMENT_VARIANTS + "}";
    private static final String EXPERIMENT_RUNNING_FIELDS = EXPERIMENT_HEAD + "\"status\":\"running\","
            + "\"startedAt\":\"2026-12-07T09:00:00Z\",\"stoppedAt\":null,\"autoPromote\":false,\"design\":\"ab\","
            + EXPERIMENT_VARIANTS;
    static final String EXPERIMENT_RUNNING = EXPERIMENT_RUNNING_FIELDS + "}";
    static final String EXPERIMENT_STOPPED = EXPERIMENT_HEAD + "\"status\":\"stopped\","
            + "\"startedAt\":\"2026-12-07T09:00:00Z\",\"stoppedAt\":\"2026-12-21T09:00:00Z\","
            + "\"autoPromote\":false,\"design\":\"ab\"," + EXPERIMENT_VARIANTS + "}";
    static final String EXPERIMENT_DECIDED = "{\"experiment\":" + EXPERIMENT_STOPPED + ",\"decided\":true,"
            + "\"decisions\":[{\"experiment\":\"ab-1\",\"model\":\"two-stage\",\"version\":\"v4\","
            + "\"outcome\":\"promoted\",\"decidedAt\":\"2026-12-21T09:00:00Z\",\"metric\":\"click-through-rate\","
            + "\"control\":{\"variant\":\"a\",\"users\":5097,\"impressions\":201880,\"metric\":0.0866,"
            + "\"metricLow\":0.0839,\"metricHigh\":0.0893,\"p99LatencyMillis\":11.4,\"fallbackShare\":0.0019},"
            + "\"challenger\":{\"variant\":\"b\",\"users\":5120,\"impressions\":203110,\"metric\":0.0917,"
            + "\"metricLow\":0.0889,\"metricHigh\":0.0945,\"p99LatencyMillis\":11.9,\"fallbackShare\":0.0021},"
            + "\"difference\":0.0051,\"alwaysValidLow\":0.00102,\"alwaysValidHigh\":0.00918,"
            + "\"alwaysValidPValue\":0.00731,\"looks\":14,\"sampleRatioMismatch\":false,\"sampleRatioPValue\":1.0,"
            + "\"guardrailsHeld\":true,\"offlineGatePassed\":true,\"reason\":\"won online and promoted: the "
            + "challenger is better ...; offline gate: offline ndcg@10 on temporal: challenger 0.241000 beats "
            + "champion 0.231000 by more than 0.000000\"}],\"pending\":[]}";
    private static final String FIGURES_B = "{\"variant\":\"b\",\"day\":null,\"users\":5120,"
            + "\"requests\":20311,\"impressions\":203110,\"clicks\":18620,\"carts\":2210,\"purchases\":930,"
            + "\"value\":27900.0,\"requestOnly\":{\"clicks\":120,\"carts\":8,\"purchases\":4,"
            + "\"value\":96.0,\"requestsWithClick\":9811},\"clickThroughRate\":{\"value\":0.0917,"
            + "\"low\":0.0889,\"high\":0.0945},\"conversionRate\":{\"value\":0.00458,\"low\":0.00421,"
            + "\"high\":0.00495},\"valuePerImpression\":{\"value\":0.137,\"low\":0.126,\"high\":0.148},"
            + "\"cutOff\":10,\"listsWithClick\":9790,\"ndcg\":0.412,\"mrr\":0.355,\"distinctItems\":1403,"
            + "\"coverage\":0.83,\"p99LatencyMs\":11.9,\"fallbackShare\":{\"value\":0.0021,\"low\":0.0016,"
            + "\"high\":0.0028}}";
    static final String EXPERIMENT_SHOWN = EXPERIMENT_RUNNING_FIELDS + ",\"readout\":{\"readAt\":"
            + "\"2026-12-10T09:00:00Z\",\"metric\":\"click-through-rate\",\"catalogItems\":1682,"
            + "\"confidencePercent\":95,\"sampleRatio\":{\"mismatch\":false,\"alwaysValidPValue\":1.0,"
            + "\"chiSquare\":0.41,\"pValue\":0.52},\"variants\":[" + FIGURES_B + "],\"days\":[],"
            + "\"comparisons\":[{\"control\":\"a\",\"challenger\":\"b\",\"verdict\":\"ship\","
            + "\"reasons\":[\"the challenger is better: click-through-rate difference 0.00510, always-valid "
            + "interval [0.00102, 0.00918], p = 0.00731 after 14 looks\"],\"difference\":{\"value\":0.0051,"
            + "\"standardError\":0.0014},\"pValue\":0.00731,\"low\":0.00102,\"high\":0.00918,\"looks\":14}],"
            + "\"interleaving\":null}}";

    private ApiExamples() {
    }
}
