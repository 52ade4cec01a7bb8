package io.tandem.adapters.in.http;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem responses that several routes share, declared once for the OpenAPI document (ADR-0027) as composed
 * annotations: micronaut-openapi reads the responses through an annotation as if they stood where it stands.
 * <ul>
 *   <li>The access filter's problems on every route: 401 without a usable key, 403 when the key lacks the route's
 *   scope, 429 over the key's rate limit. A controller whose routes share a scope carries {@link Ingest},
 *   {@link Serve} or {@link Admin} once, on the class; one with routes of several scopes carries it on each
 *   operation.</li>
 *   <li>The problems of a path id and of the {@code count} query parameter, and the 404s of a route that reads an
 *   item or a model by its path.</li>
 * </ul>
 * A problem only one route gives stays on that route.
 */
final class ApiProblems {

    static final String INVALID_ID = ApiExamples.PROBLEM_400_PREFIX
            + "\"detail\":\"must not start or end with whitespace\",\"field\":\"id\"}";
    static final String INVALID_COUNT = ApiExamples.PROBLEM_400_PREFIX
            + "\"detail\":\"must be a whole number between 1 and 100\",\"field\":\"count\"}";
    static final String ITEM_NOT_FOUND = "{\"type\":\"https://tandem.io/problems/item-not-found\",\"title\":\"Not "
            + "Found\",\"status\":404,\"detail\":\"no item 'i42' in the catalog\",\"field\":\"id\"}";
    static final String MODEL_NOT_FOUND = "{\"type\":\"https://tandem.io/problems/model-not-found\",\"title\":\"Not "
            + "Found\",\"status\":404,\"detail\":\"no model 'default' in the registry\",\"field\":\"name\"}";

    private ApiProblems() {
    }

    /** 401 and 429: what every route answers, whatever its scope; the scope annotations below carry it. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "401", description = ApiExamples.UNAUTHORIZED, content = @Content(
            mediaType = Problem.CONTENT_TYPE, examples = @ExampleObject(value = ApiExamples.PROBLEM_401)))
    @ApiResponse(responseCode = "429", description = ApiExamples.TOO_MANY, content = @Content(
            mediaType = Problem.CONTENT_TYPE, examples = @ExampleObject(value = ApiExamples.PROBLEM_429)))
    @interface AnyScope {
    }

    /** The access problems of a route in the {@code ingest} scope (events and catalog writes). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @AnyScope
    @ApiResponse(responseCode = "403", description = ApiExamples.FORBIDDEN, content = @Content(
            mediaType = Problem.CONTENT_TYPE, examples = @ExampleObject(value = ApiExamples.PROBLEM_403_INGEST)))
    @interface Ingest {
    }

    /** The access problems of a route in the {@code serve} scope (recommendations, rankings, catalog reads). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @AnyScope
    @ApiResponse(responseCode = "403", description = ApiExamples.FORBIDDEN, content = @Content(
            mediaType = Problem.CONTENT_TYPE, examples = @ExampleObject(value = ApiExamples.PROBLEM_403_SERVE)))
    @interface Serve {
    }

    /** The access problems of a route in the {@code admin} scope (models, jobs, experiments, keys). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @AnyScope
    @ApiResponse(responseCode = "403", description = ApiExamples.FORBIDDEN, content = @Content(
            mediaType = Problem.CONTENT_TYPE, examples = @ExampleObject(value = ApiExamples.PROBLEM_403_ADMIN)))
    @interface Admin {
    }

    /** 400 for a path {@code id} that is not canonical ({@link PathIds}). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "400", description = ApiExamples.BAD_REQUEST, content = @Content(
            mediaType = Problem.CONTENT_TYPE, examples = @ExampleObject(value = INVALID_ID)))
    @interface InvalidId {
    }

    /** 400 for a {@code count} query parameter that is not a whole number in range ({@link QueryValues}). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "400", description = ApiExamples.BAD_REQUEST, content = @Content(
            mediaType = Problem.CONTENT_TYPE, examples = @ExampleObject(value = INVALID_COUNT)))
    @interface InvalidCount {
    }

    /** 404 for an item id the catalog does not hold. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "404", description = "No item with this id", content = @Content(
            mediaType = Problem.CONTENT_TYPE, examples = @ExampleObject(value = ITEM_NOT_FOUND)))
    @interface ItemNotFound {
    }

    /** 404 for a model name the registry does not hold. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "404", description = "No model with this name", content = @Content(
            mediaType = Problem.CONTENT_TYPE, examples = @ExampleObject(value = MODEL_NOT_FOUND)))
    @interface ModelNotFound {
    }
}
