package io.tandem.adapters.in.http;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.security.SecuritySchemes;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The OpenAPI document's front matter, read by micronaut-openapi at build time: what the API is, how a key is
 * sent, and the groups of routes by scope (ADR-0027).
 */
@OpenAPIDefinition(
        info = @Info(title = "Tandem", version = "v1", description = """
                Tandem turns a stream of user actions into ranked recommendations. Every route needs an API key \
                (`Authorization: Bearer tdm_<id>_<secret>` or `X-Api-Key`) with the route's scope: ingest \
                (events, catalog writes), serve (recommendations, similar items, rankings, catalog reads) or \
                admin (models, jobs, experiments, keys). Missing or unknown key: 401; wrong scope: 403; over the \
                key's rate limit: 429 with Retry-After. Every error is application/problem+json naming the \
                offending field."""),
        security = {@SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "apiKey")},
        tags = {
            @Tag(name = "ingest", description = "Events and catalog writes (scope ingest)."),
            @Tag(name = "serve", description = "Recommendations, similar items, rankings, catalog reads (scope serve)."),
            @Tag(name = "admin", description = "Models, jobs, experiments and API keys (scope admin).")
        })
@SecuritySchemes({
    @SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "tdm_<id>_<secret>"),
    @SecurityScheme(name = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
            paramName = "X-Api-Key")
})
final class TandemApi {

    private TandemApi() {
    }
}
