package io.tandem.adapters.in.console;

import io.micronaut.context.BeanProvider;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Who may see and do what in the console. With a {@link ConsoleKeyCheck} (API keys on), a page needs a session
 * made at sign-in and a form needs that session's CSRF token as well; without one (the open embedded demo) every
 * browser on this machine gets a session of its own at once, so forms still carry a CSRF token, and callers from
 * other machines are refused. The cookie is HttpOnly,
 * SameSite=Strict, limited to /console, and Secure when the request came over TLS.
 */
@Singleton
final class ConsoleAccess {

    static final String COOKIE = "tandem_console";
    private static final ConsoleSignIn OPEN = new ConsoleSignIn("open console",
            Set.of("ingest", ConsoleSignIn.SERVE, ConsoleSignIn.ADMIN));

    private final ConsoleSessions sessions;
    private final BeanProvider<ConsoleKeyCheck> keyCheck;

    ConsoleAccess(ConsoleSessions sessions, BeanProvider<ConsoleKeyCheck> keyCheck) {
        this.sessions = sessions;
        this.keyCheck = keyCheck;
    }

    boolean open() {
        return !keyCheck.isPresent();
    }

    /** Signs in with a key; empty when the key is not valid (the key is neither kept nor logged). */
    Optional<ConsoleSessions.Session> signIn(String presentedKey) {
        return keyCheck.get().check(presentedKey).map(signIn -> sessions.create(signIn, false));
    }

    void signOut(ConsoleSessions.Session session) {
        sessions.end(session.token());
    }

    void flash(ConsoleSessions.Session session, String message) {
        sessions.flash(session.token(), message);
    }

    Optional<String> takeFlash(ConsoleSessions.Session session) {
        return sessions.takeFlash(session.token());
    }

    /**
     * Answers a page: sends a browser without a session to the sign-in, refuses one without {@code scope}
     * (null: any signed-in key), otherwise renders {@code page} for the session.
     */
    MutableHttpResponse<?> page(HttpRequest<?> request, String scope,
                                Function<ConsoleSessions.Session, MutableHttpResponse<String>> page) {
        if (open() && !loopback(request)) {
            return html(HttpStatus.FORBIDDEN, Html.frame("Forbidden", "<main class=\"narrow\"><h1>Forbidden</h1>"
                    + "<p class=\"error\" id=\"error\">API keys are off on this instance, so its console opens only "
                    + "on the same machine.</p></main>"));
        }
        Optional<ConsoleSessions.Session> existing = current(request);
        ConsoleSessions.Session session;
        boolean fresh = false;
        if (existing.isPresent()) {
            session = existing.get();
        } else if (open()) {
            session = sessions.create(OPEN, true);
            fresh = true;
        } else {
            return redirect("/console/sign-in");
        }
        if (scope != null && !session.signIn().may(scope)) {
            return html(HttpStatus.FORBIDDEN, forbidden(session, scope));
        }
        MutableHttpResponse<String> response = page.apply(session);
        return fresh ? response.cookie(cookie(request, session.token())) : response;
    }

    /**
     * Runs a form's action: it needs a session, the session's CSRF token in the form, and {@code scope};
     * anything else is refused without running it.
     */
    MutableHttpResponse<?> action(HttpRequest<?> request, String csrf, String scope,
                                  Function<ConsoleSessions.Session, MutableHttpResponse<?>> action) {
        Optional<ConsoleSessions.Session> session = current(request);
        if (session.isEmpty()) {
            return open() ? html(HttpStatus.FORBIDDEN, Html.frame("Refused",
                    "<main class=\"narrow\"><h1>Refused</h1><p>This form is out of date: <a href=\"/console/overview\">"
                            + "open the console again</a>.</p></main>")) : redirect("/console/sign-in");
        }
        if (!session.get().csrfMatches(csrf)) {
            return html(HttpStatus.FORBIDDEN, Html.page("Refused", "", session.get(),
                    "<h1>Refused</h1><p class=\"error\" id=\"error\">The form's csrf token does not match this "
                            + "session. Reload the page and try again.</p>"));
        }
        if (scope != null && !session.get().signIn().may(scope)) {
            return html(HttpStatus.FORBIDDEN, forbidden(session.get(), scope));
        }
        return action.apply(session.get());
    }

    /** Whether the caller is on this machine, the only one an open console serves (as the API does, ADR-0027). */
    static boolean loopback(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote != null && remote.getAddress() != null && remote.getAddress().isLoopbackAddress();
    }

    Optional<ConsoleSessions.Session> current(HttpRequest<?> request) {
        return request.getCookies().findCookie(COOKIE).flatMap(cookie -> sessions.find(cookie.getValue()));
    }

    Cookie cookie(HttpRequest<?> request, String token) {
        return Cookie.of(COOKIE, token).httpOnly(true).sameSite(SameSite.Strict).path("/console")
                .secure(request.isSecure());
    }

    Cookie expiredCookie(HttpRequest<?> request) {
        return Cookie.of(COOKIE, "").httpOnly(true).sameSite(SameSite.Strict).path("/console")
                .secure(request.isSecure()).maxAge(0);
    }

    static MutableHttpResponse<String> html(HttpStatus status, String body) {
        return HttpResponse.<String>status(status).contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8")
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; "
                        + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'")
                .body(body);
    }

    static MutableHttpResponse<?> redirect(String path) {
        return HttpResponse.seeOther(URI.create(path)).header("Cache-Control", "no-store");
    }

    private static String forbidden(ConsoleSessions.Session session, String scope) {
        return Html.page("Forbidden", "", session, "<h1>Forbidden</h1><p class=\"error\" id=\"error\">This needs "
                + "the " + Html.text(scope) + " scope; the key you signed in with does not have it.</p>");
    }
}
