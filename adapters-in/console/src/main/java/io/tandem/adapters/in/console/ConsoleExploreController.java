package io.tandem.adapters.in.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.tandem.application.catalog.port.in.FindItemQuery;
import io.tandem.application.catalog.port.in.FindItemUseCase;
import io.tandem.application.catalog.port.in.FindUserQuery;
import io.tandem.application.catalog.port.in.FindUserUseCase;
import io.tandem.application.feature.port.in.FindUserHistoryQuery;
import io.tandem.application.feature.port.in.FindUserHistoryUseCase;
import io.tandem.application.serving.port.in.FindSimilarItemsUseCase;
import io.tandem.application.serving.port.in.RecommendItemsQuery;
import io.tandem.application.serving.port.in.RecommendItemsUseCase;
import io.tandem.application.serving.port.in.SimilarItemsQuery;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.User;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.feature.PositiveInteraction;
import io.tandem.domain.feature.UserState;
import io.tandem.domain.ranking.RankedItem;
import io.tandem.domain.recommendation.Recommendation;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The explore page: a user id shows their recent history beside their recommendations (sources and score
 * explanation); an item id shows its similar items; every item is shown with its categories and attributes.
 * Needs the serve or the admin scope. Ids are taken exactly as typed (ADR-0019).
 */
@Produces(MediaType.TEXT_HTML)
@Controller("/console/explore")
final class ConsoleExploreController {

    static final int HISTORY = 20;
    static final int COUNT = 10;

    private final ConsoleAccess access;
    private final FindUserUseCase findUser;
    private final FindUserHistoryUseCase history;
    private final RecommendItemsUseCase recommend;
    private final FindItemUseCase findItem;
    private final FindSimilarItemsUseCase similar;

    ConsoleExploreController(ConsoleAccess access, FindUserUseCase findUser, FindUserHistoryUseCase history,
                             RecommendItemsUseCase recommend, FindItemUseCase findItem,
                             FindSimilarItemsUseCase similar) {
        this.access = access;
        this.findUser = findUser;
        this.history = history;
        this.recommend = recommend;
        this.findItem = findItem;
        this.similar = similar;
    }

    @Get
    @ExecuteOn(TaskExecutors.BLOCKING)
    MutableHttpResponse<?> page(HttpRequest<?> request, @Nullable @QueryValue("user") String user,
                                @Nullable @QueryValue("item") String item) {
        return access.page(request, null, session -> {
            if (!session.signIn().may(ConsoleSignIn.SERVE) && !session.signIn().may(ConsoleSignIn.ADMIN)) {
                return ConsoleAccess.html(HttpStatus.FORBIDDEN, Html.page("Explore", "explore", session,
                        "<h1>Explore</h1><p class=\"error\" id=\"error\">This needs the serve or the admin scope; "
                                + "the key you signed in with has neither.</p>"));
            }
            StringBuilder body = new StringBuilder("<h1>Explore</h1>").append(forms(user, item));
            HttpStatus status = HttpStatus.OK;
            try {
                Optional<UserId> userId = ConsoleController.nonEmpty(user).map(UserId::new);
                Optional<ItemId> itemId = ConsoleController.nonEmpty(item).map(ItemId::new);
                userId.ifPresent(id -> body.append(userSection(id)));
                itemId.ifPresent(id -> body.append(itemSection(id)));
            } catch (InvalidFieldException e) {
                status = HttpStatus.BAD_REQUEST;
                String field = "userId".equals(e.field()) ? "user" : "itemId".equals(e.field()) ? "item" : e.field();
                body.append("<p class=\"error\" id=\"error\">").append(Html.text(field)).append(": ")
                        .append(Html.text(e.reason())).append("</p>");
            }
            return ConsoleAccess.html(status, Html.page("Explore", "explore", session, body.toString()));
        });
    }

    private static String forms(@Nullable String user, @Nullable String item) {
        return "<form method=\"get\" action=\"/console/explore\" class=\"toolbar\" id=\"explore-user\">"
                + "<label for=\"user\">User id</label><input id=\"user\" name=\"user\" maxlength=\"256\" value=\""
                + Html.text(user == null ? "" : user) + "\"><button type=\"submit\">Show user</button></form>"
                + "<form method=\"get\" action=\"/console/explore\" class=\"toolbar\" id=\"explore-item\">"
                + "<label for=\"item\">Item id</label><input id=\"item\" name=\"item\" maxlength=\"256\" value=\""
                + Html.text(item == null ? "" : item) + "\"><button type=\"submit\">Show item</button></form>";
    }

    private String userSection(UserId user) {
        StringBuilder out = new StringBuilder("<section id=\"user-section\"><h2>User ").append(Html.text(user.value()))
                .append("</h2>");
        Optional<User> found = findUser.find(new FindUserQuery(user));
        out.append(found.map(u -> attributes(u.attributes()))
                .orElse("<p class=\"note\">Not in the catalog (events alone can make a user known to serving).</p>"));
        UserState state = history.history(new FindUserHistoryQuery(user, HISTORY));
        Recommendation answer = recommend.recommend(new RecommendItemsQuery(user, COUNT, Optional.empty(), Set.of(),
                true, 0.0));
        out.append("<div class=\"columns\"><div><h3>Recent history</h3>");
        if (state.seen().isEmpty()) {
            out.append("<p class=\"note\" id=\"no-history\">No history for this user.</p>");
        } else {
            out.append("<ol id=\"history\">");
            for (ItemId seen : state.seen()) {
                out.append("<li class=\"item\">").append(itemLine(seen)).append(positive(state, seen)).append("</li>");
            }
            out.append("</ol>");
        }
        out.append("</div><div><h3>Recommendations</h3>").append(answerNote(answer)).append("<ol id=\"recommendations\">");
        for (RankedItem ranked : answer.items()) {
            out.append("<li class=\"item\">").append(itemLine(ranked.item())).append(scoreLine(ranked)).append("</li>");
        }
        return out.append("</ol></div></div></section>").toString();
    }

    private String itemSection(ItemId item) {
        StringBuilder out = new StringBuilder("<section id=\"item-section\"><h2>Item ").append(Html.text(item.value()))
                .append("</h2>");
        Optional<Item> found = findItem.find(new FindItemQuery(item));
        out.append(found.map(i -> "<p>" + itemDetails(i) + "</p>").orElse("<p class=\"note\">Not in the catalog.</p>"));
        Optional<Recommendation> answer = similar.similar(new SimilarItemsQuery(item, COUNT));
        out.append("<h3>Similar items</h3>");
        if (answer.isEmpty()) {
            return out.append("<p class=\"note\" id=\"no-similar\">Neither the catalog nor the model knows this item."
                    + "</p></section>").toString();
        }
        out.append(answerNote(answer.get())).append("<ol id=\"similar\">");
        for (RankedItem ranked : answer.get().items()) {
            out.append("<li class=\"item\">").append(itemLine(ranked.item())).append(scoreLine(ranked)).append("</li>");
        }
        return out.append("</ol></section>").toString();
    }

    private String itemLine(ItemId id) {
        Optional<Item> item = findItem.find(new FindItemQuery(id));
        return "<a class=\"item-id\" href=\"/console/explore?item=" + Html.text(urlEncode(id.value())) + "\">"
                + Html.text(id.value()) + "</a> " + item.map(ConsoleExploreController::itemDetails)
                .orElse("<span class=\"note\">(not in the catalog)</span>");
    }

    private static String itemDetails(Item item) {
        StringBuilder out = new StringBuilder("<span class=\"categories\">");
        item.categories().stream().sorted().forEach(c -> out.append("<span class=\"tag\">").append(Html.text(c))
                .append("</span>"));
        out.append("</span>");
        if (!item.available()) {
            out.append(" <span class=\"warn\">unavailable</span>");
        }
        if (!item.attributes().isEmpty()) {
            out.append(' ').append(attributes(item.attributes()));
        }
        return out.toString();
    }

    private static String attributes(Map<String, String> attributes) {
        if (attributes.isEmpty()) {
            return "<span class=\"note\">no attributes</span>";
        }
        StringBuilder out = new StringBuilder("<span class=\"attributes\">");
        new java.util.TreeMap<>(attributes).forEach((k, v) -> out.append("<span class=\"attr\">").append(Html.text(k))
                .append('=').append(Html.text(v)).append("</span> "));
        return out.append("</span>").toString();
    }

    private static String positive(UserState state, ItemId item) {
        for (PositiveInteraction p : state.positives()) {
            if (p.item().equals(item)) {
                return " <span class=\"score\">liked, label " + Html.text(String.format(Locale.ROOT, "%.2f", p.value()))
                        + "</span>";
            }
        }
        return "";
    }

    private static String scoreLine(RankedItem ranked) {
        StringBuilder out = new StringBuilder("<div class=\"score\">score <span class=\"value\">")
                .append(String.format(Locale.ROOT, "%.4f", ranked.score())).append("</span> from <span class=\"sources\">")
                .append(Html.text(String.join(", ", ranked.sources()))).append("</span>");
        if (!ranked.explanation().isEmpty()) {
            out.append("<details class=\"explanation\"><summary>why</summary><table>");
            ranked.explanation().forEach((k, v) -> out.append("<tr><td>").append(Html.text(k)).append("</td><td class=\"num\">")
                    .append(String.format(Locale.ROOT, "%.4f", v)).append("</td></tr>"));
            out.append("</table></details>");
        }
        return out.append("</div>").toString();
    }

    private static String answerNote(Recommendation answer) {
        String model = answer.model().map(m -> m.name() + " " + m.version()).orElse("no model");
        String fallback = answer.fallback().used()
                ? ", fallback: " + answer.fallback().reason().orElse("unknown reason") : "";
        return "<p class=\"note answer\">Answered by " + Html.text(model) + Html.text(fallback) + ".</p>";
    }

    private static String urlEncode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
