package io.tandem.bootstrap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand on a socket of its own per request: the hostile-input suite sends request lines no
 * client library would (a bare {@code %}, raw bytes in the path), and a server that closes a connection after a bad
 * request cannot spoil the next request's connection.
 */
final class RawHttp {

    private final String host;
    private final int port;

    RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Sends one request with {@code Connection: close} and reads the whole answer. */
    Response send(String method, byte[] target, Map<String, String> headers, byte[] body) {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.writeBytes((method + " ").getBytes(StandardCharsets.US_ASCII));
            head.writeBytes(target);
            head.writeBytes((" HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nConnection: close\r\nContent-Length: "
                    + body.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            headers.forEach((name, value) -> head.writeBytes((name + ": " + value + "\r\n")
                    .getBytes(StandardCharsets.UTF_8)));
            head.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            try {
                out.write(head.toByteArray());
                out.write(body);
                out.flush();
            } catch (IOException refusedEarly) {
                // The server may answer (413, 414) and close before taking the whole request; its answer is there.
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (end < 0) {
            throw new IOException("no complete answer: " + all.length + " bytes");
        }
        String[] lines = new String(all, 0, end, StandardCharsets.UTF_8).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    List.of(lines[i].substring(colon + 1).strip()));
        }
        byte[] rest = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        boolean chunked = headers.getOrDefault("transfer-encoding", List.of("")).get(0).equalsIgnoreCase("chunked");
        String body = new String(chunked ? dechunk(rest) : rest, StandardCharsets.UTF_8);
        return new Response(status, headers.getOrDefault("content-type", List.of("")).get(0), body, headers);
    }

    private static byte[] dechunk(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < data.length) {
            int lineEnd = indexOf(java.util.Arrays.copyOfRange(data, at, data.length),
                    "\r\n".getBytes(StandardCharsets.US_ASCII));
            String size = new String(data, at, lineEnd, StandardCharsets.US_ASCII).split(";")[0].strip();
            int length = Integer.parseInt(size, 16);
            if (length == 0) {
                break;
            }
            at += lineEnd + 2;
            out.write(data, at, length);
            at += length + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** What the server answered. */
    record Response(int status, String contentType, String body, Map<String, List<String>> headers) {
    }
}
