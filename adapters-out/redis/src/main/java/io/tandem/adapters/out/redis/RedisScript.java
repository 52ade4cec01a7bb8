package io.tandem.adapters.out.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A Lua script shipped as a resource of this package, with the SHA-1 that EVALSHA names it by. */
record RedisScript(String name, String source, String sha1) {

    /**
     * Loads the named resources as one script, in the order given, so scripts can share Lua functions kept in one
     * file (Redis runs a script as one chunk and has no include). The name is the last resource's.
     */
    static RedisScript load(String... resources) {
        StringBuilder source = new StringBuilder();
        for (String resource : resources) {
            source.append(read(resource));
            if (source.charAt(source.length() - 1) != '\n') {
                source.append('\n');
            }
        }
        String text = source.toString();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            return new RedisScript(resources[resources.length - 1], text, HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = RedisScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing script resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read script resource " + resource, e);
        }
    }
}
