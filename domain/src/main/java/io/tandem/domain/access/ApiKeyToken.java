package io.tandem.domain.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * A key as its holder presents it: {@code tdm_<id>_<secret>}, the secret being 32 random bytes in unpadded
 * base64url. Only {@link #secretHash()} is ever stored. {@link #toString()} never shows the secret.
 */
public final class ApiKeyToken {

    public static final String PREFIX = "tdm_";
    private static final int SECRET_BYTES = 32;
    /** 32 bytes in unpadded base64url. */
    private static final int SECRET_LENGTH = 43;

    private final ApiKeyId id;
    private final String secret;

    private ApiKeyToken(ApiKeyId id, String secret) {
        this.id = id;
        this.secret = secret;
    }

    /** A new key with a random id and secret. */
    public static ApiKeyToken random(SecureRandom random) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return new ApiKeyToken(ApiKeyId.random(random), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /**
     * Reads a presented key; empty when it is not of the key's shape (the caller answers that as an unknown key,
     * without saying which part was wrong).
     */
    public static Optional<ApiKeyToken> parse(String presented) {
        if (presented == null || !presented.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int separator = presented.indexOf('_', PREFIX.length());
        if (separator < 0) {
            return Optional.empty();
        }
        String id = presented.substring(PREFIX.length(), separator);
        String secret = presented.substring(separator + 1);
        if (!ApiKeyId.isValid(id) || secret.length() != SECRET_LENGTH || !base64url(secret)) {
            return Optional.empty();
        }
        return Optional.of(new ApiKeyToken(new ApiKeyId(id), secret));
    }

    public ApiKeyId id() {
        return id;
    }

    /** The whole key, to be shown once to whoever created it and never again. */
    public String reveal() {
        return PREFIX + id.value() + "_" + secret;
    }

    /** The SHA-256 of the secret in lower-case hex: what the key store keeps. */
    public String secretHash() {
        return HexFormat.of().formatHex(sha256(secret));
    }

    /** Whether this key's secret hashes to {@code storedHash}, compared in constant time. */
    public boolean matches(String storedHash) {
        Objects.requireNonNull(storedHash, "storedHash");
        byte[] stored = storedHash.getBytes(StandardCharsets.US_ASCII);
        byte[] presented = secretHash().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(stored, presented);
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static boolean base64url(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return PREFIX + id.value() + "_***";
    }
}
