package io.tandem.domain.experiment;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * The stable hash that places a unit (a user) at a point of [0, 1) for an experiment's salt:
 * SHA-256 over {@code UTF-8(salt) || 0x00 || UTF-8(unit)}, of which the first eight bytes, read big-endian, give
 * 53 bits and the point {@code bits / 2^53}.
 *
 * <p>SHA-256 and UTF-8 are fixed by their standards, so every instance, JVM and language computes the same point
 * (the test pins reference values). A cryptographic hash makes the points of two different salts behave as
 * independent uniform draws, so one experiment's split says nothing about another's. Salts are canonical names
 * and never hold a 0x00 byte, so the separator keeps (salt, unit) pairs from colliding by concatenation.
 */
public final class AssignmentHash {

    private static final double TWO_TO_MINUS_53 = 0x1.0p-53;

    private AssignmentHash() {
    }

    /** The unit's point in [0, 1) under {@code salt}. */
    public static double point(String salt, String unit) {
        MessageDigest sha256 = sha256();
        sha256.update(Objects.requireNonNull(salt, "salt").getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0);
        sha256.update(Objects.requireNonNull(unit, "unit").getBytes(StandardCharsets.UTF_8));
        long bits = ByteBuffer.wrap(sha256.digest()).getLong();
        return (bits >>> 11) * TWO_TO_MINUS_53;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            // Every Java platform must provide SHA-256 (java.security.MessageDigest's contract).
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", impossible);
        }
    }
}
