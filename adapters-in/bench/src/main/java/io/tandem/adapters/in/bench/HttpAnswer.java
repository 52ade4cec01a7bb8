package io.tandem.adapters.in.bench;

import java.nio.charset.StandardCharsets;

/**
 * What the load generator reads of one HTTP/1.1 answer: the status, whether the connection stays open, and for a 200
 * the fallback's reason when the fallback answered. Read from the bytes as they arrive, without decoding a 200's body
 * unless it names the fallback as used.
 *
 * @param fallbackReason the fallback's reason in a 200 it answered, shortened as {@link OpenLoopLoad#fallbackReason};
 *                       null when the model answered or the status is not 200
 */
record HttpAnswer(int status, boolean keepAlive, String fallbackReason) {

    /** Not all of the answer has arrived yet. */
    static final HttpAnswer INCOMPLETE = new HttpAnswer(0, true, null);
    /** Not an answer this client reads (no Content-Length, chunked, bytes past its end, too large): the request fails. */
    static final HttpAnswer UNREADABLE = new HttpAnswer(0, false, null);
    /** The largest answer read, headers and body; a recommendation list of a few items is a few KB. */
    static final int MAX_BYTES = 4 * 1024 * 1024;

    private static final byte[] FALLBACK = "\"fallback\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] USED = "\"used\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LINE_END = "\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEADERS_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    /** The answer in {@code bytes[0..length)}: {@link #INCOMPLETE} until all of it is there. */
    static HttpAnswer parse(byte[] bytes, int length) {
        int headersEnd = indexOf(bytes, 0, length, HEADERS_END);
        if (headersEnd < 0) {
            return length >= MAX_BYTES ? UNREADABLE : INCOMPLETE;
        }
        if (headersEnd < 12 || !startsWith(bytes, 0, "HTTP/1.") || !isDigit(bytes[9]) || !isDigit(bytes[10])
                || !isDigit(bytes[11])) {
            return UNREADABLE;
        }
        int status = (bytes[9] - '0') * 100 + (bytes[10] - '0') * 10 + (bytes[11] - '0');
        long contentLength = -1;
        boolean keepAlive = bytes[7] == '1';
        for (int line = indexOf(bytes, 0, headersEnd, LINE_END) + 2;
             line < headersEnd; ) {
            int end = indexOf(bytes, line, headersEnd + 2, LINE_END);
            if (startsWith(bytes, line, "content-length:")) {
                contentLength = number(bytes, line + "content-length:".length(), end);
            } else if (startsWith(bytes, line, "transfer-encoding:")) {
                return UNREADABLE;
            } else if (startsWith(bytes, line, "connection:")) {
                String value = new String(bytes, line + 11, end - line - 11, StandardCharsets.US_ASCII);
                keepAlive = !value.trim().equalsIgnoreCase("close");
            }
            line = end + 2;
        }
        int bodyStart = headersEnd + 4;
        if (contentLength < 0) {
            return UNREADABLE;
        }
        if (length < bodyStart + contentLength) {
            return bodyStart + contentLength > MAX_BYTES ? UNREADABLE : INCOMPLETE;
        }
        if (length > bodyStart + contentLength) {
            return UNREADABLE;
        }
        return new HttpAnswer(status, keepAlive, status == 200 ? fallbackReason(bytes, bodyStart, length) : null);
    }

    /** As {@link OpenLoopLoad#fallbackReason}, decoding the body only from the fallback's member when it says used. */
    private static String fallbackReason(byte[] bytes, int from, int to) {
        int fallback = indexOf(bytes, from, to, FALLBACK);
        if (fallback < 0) {
            return null;
        }
        int used = indexOf(bytes, fallback, to, USED);
        if (used < 0) {
            return null;
        }
        int value = used + USED.length;
        while (value < to && (bytes[value] == ':' || bytes[value] == ' ' || bytes[value] == '\t'
                || bytes[value] == '\r' || bytes[value] == '\n')) {
            value++;
        }
        if (value >= to || bytes[value] != 't') {
            return null;
        }
        return OpenLoopLoad.fallbackReason(new String(bytes, fallback, to - fallback, StandardCharsets.UTF_8));
    }

    private static long number(byte[] bytes, int from, int to) {
        long value = -1;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (isDigit(b)) {
                value = (value < 0 ? 0 : value * 10) + (b - '0');
                if (value > MAX_BYTES) {
                    return MAX_BYTES + 1L;
                }
            } else if (b != ' ' && b != '\t') {
                return -1;
            }
        }
        return value;
    }

    /** Whether {@code bytes} at {@code at} start with the lower-case ASCII {@code text}, ignoring case. */
    private static boolean startsWith(byte[] bytes, int at, String text) {
        if (at + text.length() > bytes.length) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            byte b = bytes[at + i];
            int lower = b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
            if (lower != Character.toLowerCase(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static int indexOf(byte[] bytes, int from, int to, byte[] pattern) {
        int last = to - pattern.length;
        for (int i = from; i <= last; i++) {
            int j = 0;
            while (j < pattern.length && bytes[i + j] == pattern[j]) {
                j++;
            }
            if (j == pattern.length) {
                return i;
            }
        }
        return -1;
    }
}
