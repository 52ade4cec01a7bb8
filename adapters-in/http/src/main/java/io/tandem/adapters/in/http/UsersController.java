package io.tandem.adapters.in.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.tandem.application.port.in.CatalogCounts;
import io.tandem.application.port.in.CountCatalogQuery;
import io.tandem.application.port.in.CountCatalogUseCase;
import io.tandem.application.port.in.FindUserQuery;
import io.tandem.application.port.in.FindUserUseCase;
import io.tandem.application.port.in.UpsertUsersCommand;
import io.tandem.application.port.in.UpsertUsersUseCase;
import io.tandem.domain.catalog.User;
import io.tandem.domain.catalog.UserId;

import java.util.List;

/** Users: {@code PUT|GET /v1/users/{id}}, and the catalog's size at {@code GET /v1/catalog}. */
@Controller("/v1")
final class UsersController {

    private final UpsertUsersUseCase upsertUsers;
    private final FindUserUseCase findUser;
    private final CountCatalogUseCase countCatalog;

    UsersController(UpsertUsersUseCase upsertUsers, FindUserUseCase findUser, CountCatalogUseCase countCatalog) {
        this.upsertUsers = upsertUsers;
        this.findUser = findUser;
        this.countCatalog = countCatalog;
    }

    @Put(uri = "/users/{id}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    CatalogJson.UserJson put(@PathVariable("id") String id, @Body byte[] body) {
        PathIds.require("id", id);
        User stored = CatalogJson.user(RequestJson.parse(body, "a user object such as {\"attributes\":{}}"), id);
        upsertUsers.upsert(new UpsertUsersCommand(List.of(stored)));
        return CatalogJson.UserJson.from(stored);
    }

    @Get(uri = "/users/{id}", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<?> get(@PathVariable("id") String id) {
        UserId user = PathIds.user(id);
        return findUser.find(new FindUserQuery(user))
                .<HttpResponse<?>>map(found -> HttpResponse.ok(CatalogJson.UserJson.from(found)))
                .orElseGet(() -> ProblemResponses.respond(Problem.of(404, "Not Found", "user-not-found", "id",
                        "no user '" + user.value() + "' in the catalog")));
    }

    @Get(uri = "/catalog", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    CatalogJson.CatalogSize size() {
        CatalogCounts counts = countCatalog.count(new CountCatalogQuery());
        return new CatalogJson.CatalogSize(counts.items(), counts.users());
    }
}
