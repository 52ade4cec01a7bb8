package io.tandem.adapters.in.console;

import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The console's sessions, in memory: a random token (the cookie) maps to who signed in and the session's CSRF
 * token. A session lasts {@link #IDLE} without use; at most {@link #MAX_SESSIONS} live at once, the least
 * recently used going first. Sessions end with the process, which signs everyone out on a restart.
 */
@Singleton
final class ConsoleSessions {

    static final Duration IDLE = Duration.ofHours(8);
    static final int MAX_SESSIONS = 10_000;

    /** One signed-in browser. */
    record Session(String token, String csrf, ConsoleSignIn signIn, boolean open) {

        /** Compares a submitted CSRF token in constant time. */
        boolean csrfMatches(String submitted) {
            return submitted != null && MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8),
                    submitted.getBytes(StandardCharsets.UTF_8));
        }
    }

    private record Entry(Session session, Instant lastUsed) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Entry> sessions = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, String> flashes = new HashMap<>();

    synchronized Session create(ConsoleSignIn signIn, boolean open) {
        Session session = new Session(randomToken(), randomToken(), signIn, open);
        sessions.put(session.token(), new Entry(session, clock.instant()));
        Iterator<Map.Entry<String, Entry>> oldest = sessions.entrySet().iterator();
        while (sessions.size() > MAX_SESSIONS && oldest.hasNext()) {
            flashes.remove(oldest.next().getKey());
            oldest.remove();
        }
        return session;
    }

    synchronized Optional<Session> find(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Entry entry = sessions.get(token);
        if (entry == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (entry.lastUsed().plus(IDLE).isBefore(now)) {
            sessions.remove(token);
            flashes.remove(token);
            return Optional.empty();
        }
        sessions.put(token, new Entry(entry.session(), now));
        return Optional.of(entry.session());
    }

    synchronized void end(String token) {
        sessions.remove(token);
        flashes.remove(token);
    }

    /** Keeps one message for the session's next page (the outcome of a form it sent). */
    synchronized void flash(String token, String message) {
        if (sessions.containsKey(token)) {
            flashes.put(token, message);
        }
    }

    synchronized Optional<String> takeFlash(String token) {
        return Optional.ofNullable(flashes.remove(token));
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
