package io.tandem.adapters.in.console;

import java.util.List;

/**
 * The console's HTML: escaping for text and attribute values, and the page frame every page shares. Every value
 * that comes from data or a request goes through {@link #text}; markup is only ever built from constants.
 */
final class Html {

    /** The pages of the navigation bar: path under /console and label. */
    private static final List<String[]> PAGES = List.of(
            new String[] {"overview", "Overview"},
            new String[] {"models", "Models"},
            new String[] {"jobs", "Jobs"},
            new String[] {"experiments", "Experiments"},
            new String[] {"explore", "Explore"});

    private Html() {
    }

    /** Escapes text for an element body or a quoted attribute value. */
    static String text(String raw) {
        StringBuilder out = new StringBuilder(raw.length() + 16);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A hidden form field holding the session's CSRF token. */
    static String csrfField(ConsoleSessions.Session session) {
        return "<input type=\"hidden\" name=\"csrf\" value=\"" + text(session.csrf()) + "\">";
    }

    /** A whole page: head, navigation (with {@code active} marked), who is signed in, and {@code main}. */
    static String page(String title, String active, ConsoleSessions.Session session, String main) {
        StringBuilder nav = new StringBuilder();
        for (String[] page : PAGES) {
            nav.append("<a href=\"/console/").append(page[0]).append('"')
                    .append(page[0].equals(active) ? " class=\"active\" aria-current=\"page\"" : "")
                    .append('>').append(page[1]).append("</a>");
        }
        String who = session.open()
                ? "<span class=\"warn\" id=\"open-console\">Open console: API keys are off (embedded on localhost)</span>"
                : "<span id=\"signed-in\">Signed in as " + text(session.signIn().name()) + " ("
                        + text(String.join(", ", session.signIn().scopes().stream().sorted().toList())) + ")</span>"
                        + "<form method=\"post\" action=\"/console/sign-out\" class=\"inline\">" + csrfField(session)
                        + "<button type=\"submit\" id=\"sign-out\">Sign out</button></form>";
        return frame(title, "<header><strong class=\"brand\">Tandem</strong><nav>" + nav + "</nav><div class=\"who\">"
                + who + "</div></header><main id=\"main\" data-page=\"" + text(active) + "\">" + main + "</main>");
    }

    /** A page without navigation, such as the sign-in form. */
    static String frame(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + text(title) + " · Tandem console</title>"
                + "<link rel=\"icon\" href=\"data:,\"><link rel=\"stylesheet\" href=\"/console/assets/console.css\">"
                + "<script src=\"/console/assets/console.js\" defer></script></head><body>" + body + "</body></html>";
    }

    /** A number for people: at most three decimals, no trailing zeros, thousands separated. */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "–";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(java.util.Locale.ROOT, "%,d", (long) value);
        }
        String fixed = String.format(java.util.Locale.ROOT, "%,.3f", value);
        return fixed.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
