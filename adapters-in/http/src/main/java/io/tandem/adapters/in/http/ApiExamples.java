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
            + "\"model\":{\"name\":\"default\",\"version\":\"v3\"},\"fallback\":{\"used\":false,\"reason\":null}}";

    static final String ITEM = "{\"itemId\":\"i42\",\"categories\":[\"drama\"],\"tags\":[\"award\"],"
            + "\"createdAt\":\"2026-12-01T10:00:00Z\",\"available\":true,\"attributes\":{\"year\":\"1994\"}}";
    static final String USER = "{\"userId\":\"u1\",\"attributes\":{\"country\":\"NL\"}}";

    static final String VERSION = "{\"name\":\"default\",\"version\":\"v3\",\"kind\":\"als\","
            + "\"stage\":\"champion\",\"holdOut\":\"temporal\",\"metrics\":{\"ndcg@10\":0.231,\"recall@10\":0.184},"
            + "\"schema\":{\"version\":\"s1\",\"features\":[\"als\",\"popular\"]},"
            + "\"artifactUri\":\"file:models/default/v3\",\"trainingWindow\":{\"from\":\"2026-11-01T00:00:00Z\","
            + "\"to\":\"2026-12-01T00:00:00Z\"},\"parent\":\"v2\",\"createdAt\":\"2026-12-01T02:00:00Z\","
            + "\"metadata\":{}}";
    static final String CHANGE = "{\"name\":\"default\",\"champion\":" + VERSION + ",\"archived\":null}";

    static final String JOB = "{\"jobId\":\"j-0007\",\"type\":\"train\",\"status\":\"running\",\"progress\":0.4,"
            + "\"message\":\"training als\",\"queuedAt\":\"2026-12-07T02:30:00Z\","
            + "\"startedAt\":\"2026-12-07T02:30:01Z\",\"finishedAt\":null}";

    private ApiExamples() {
    }
}
