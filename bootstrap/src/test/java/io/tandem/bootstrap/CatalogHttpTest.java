package io.tandem.bootstrap;

import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static io.tandem.bootstrap.TandemHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Items and users over HTTP, with per-record validation in batches. */
class CatalogHttpTest {

    @AutoClose
    private static final TandemHttp tandem = TandemHttp.start(Map.of());

    @Test
    void anItemPutIsReadBackWithEveryField() throws Exception {
        TandemHttp.Response put = put("/v1/items/film-1", "{\"categories\":[\"drama\",\"history\"],\"tags\":[\"oscar\"],"
                + "\"createdAt\":\"2026-01-02T03:04:05Z\",\"available\":false,\"attributes\":{\"year\":\"1999\"}}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);

        JsonNode item = tandem.get("/v1/items/film-1").tree();

        assertThat(item.get("itemId").getStringValue()).isEqualTo("film-1");
        assertThat(item.get("categories").get(0).getStringValue()).isEqualTo("drama");
        assertThat(item.get("categories").get(1).getStringValue()).isEqualTo("history");
        assertThat(item.get("tags").get(0).getStringValue()).isEqualTo("oscar");
        assertThat(item.get("createdAt").getStringValue()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(item.get("available").getBooleanValue()).isFalse();
        assertThat(item.get("attributes").get("year").getStringValue()).isEqualTo("1999");
    }

    @Test
    void aDeletedItemIsGone() throws Exception {
        put("/v1/items/gone-1", "{\"categories\":[\"news\"]}");

        assertThat(send(HttpRequest.newBuilder(uri("/v1/items/gone-1")).DELETE().build()).statusCode()).isEqualTo(204);
        assertProblem(tandem.get("/v1/items/gone-1"), 404, "id");
        assertThat(send(HttpRequest.newBuilder(uri("/v1/items/gone-1")).DELETE().build()).statusCode()).isEqualTo(404);
    }

    @Test
    void badItemsAreProblemsNamingTheField() throws Exception {
        assertProblem(put("/v1/items/bad-1", "{\"createdAt\":\"last tuesday\"}"), 400, "createdAt");
        assertProblem(put("/v1/items/bad-2", "{\"categories\":\"drama\"}"), 400, "categories");
        assertProblem(put("/v1/items/bad-3", "{\"categories\":[\" \"]}"), 400, "categories");
        assertProblem(put("/v1/items/bad-4", "{\"itemId\":\"other\"}"), 400, "itemId");
        assertProblem(put("/v1/items/bad-5", "{"), 400, "body");
    }

    @Test
    void aBatchKeepsTheGoodItemsAndListsTheBadOnesByIndex() {
        TandemHttp.Response response = tandem.postJson("/v1/items:batch", "["
                + "{\"itemId\":\"b-1\",\"categories\":[\"comedy\"]},"
                + "{\"categories\":[\"comedy\"]},"
                + "{\"itemId\":\"b-3\",\"createdAt\":\"soon\"},"
                + "7,"
                + "{\"itemId\":\"b-5\"}]");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.tree();
        assertThat(body.get("upserted").getIntValue()).isEqualTo(2);
        assertThat(body.get("rejected").size()).isEqualTo(3);
        assertThat(body.get("rejected").get(0).get("index").getIntValue()).isEqualTo(1);
        assertThat(body.get("rejected").get(0).get("field").getStringValue()).isEqualTo("itemId");
        assertThat(body.get("rejected").get(1).get("field").getStringValue()).isEqualTo("createdAt");
        assertThat(body.get("rejected").get(2).get("index").getIntValue()).isEqualTo(3);
        assertThat(tandem.get("/v1/items/b-5").status()).isEqualTo(200);
    }

    @Test
    void usersArePutReadAndCounted() throws Exception {
        assertThat(put("/v1/users/reader-1", "{\"attributes\":{\"country\":\"NZ\"}}").status()).isEqualTo(200);

        JsonNode user = tandem.get("/v1/users/reader-1").tree();
        assertThat(user.get("attributes").get("country").getStringValue()).isEqualTo("NZ");
        assertProblem(tandem.get("/v1/users/nobody"), 404, "id");
        assertThat(tandem.get("/v1/catalog").tree().get("users").getLongValue()).isGreaterThanOrEqualTo(1);
    }

    private static TandemHttp.Response put(String path, String body) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build());
        return new TandemHttp.Response(response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""), response.body(),
                tandem.context().getBean(io.micronaut.json.JsonMapper.class));
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create(tandem.context().getBean(io.micronaut.runtime.server.EmbeddedServer.class).getURL() + path);
    }
}
