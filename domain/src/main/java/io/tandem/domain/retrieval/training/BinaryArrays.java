package io.tandem.domain.retrieval.training;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Length-prefixed primitive arrays in the retriever artifacts (big-endian, as DataOutputStream writes). */
final class BinaryArrays {

    /** Larger lengths mean corrupt bytes, not a model: refused before allocating. */
    private static final int MAX_LENGTH = 1 << 30;

    private BinaryArrays() {
    }

    static void writeInts(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int value : values) {
            out.writeInt(value);
        }
    }

    static int[] readInts(DataInputStream in) throws IOException {
        int[] values = new int[length(in)];
        for (int k = 0; k < values.length; k++) {
            values[k] = in.readInt();
        }
        return values;
    }

    static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        out.writeInt(values.length);
        for (float value : values) {
            out.writeFloat(value);
        }
    }

    static float[] readFloats(DataInputStream in) throws IOException {
        float[] values = new float[length(in)];
        for (int k = 0; k < values.length; k++) {
            values[k] = in.readFloat();
        }
        return values;
    }

    private static int length(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_LENGTH || length > in.available() + 64L * 1024 * 1024) {
            throw new IOException("implausible array length " + length);
        }
        return length;
    }
}
