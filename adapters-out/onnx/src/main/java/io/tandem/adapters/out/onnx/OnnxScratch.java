package io.tandem.adapters.out.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * One thread's native-order direct buffers for a scoring call's input rows and output scores, kept between calls.
 * ONNX Runtime reads a direct buffer in place, where a heap array costs it a fresh direct buffer (allocated, zeroed
 * and later freed by the collector) on every call, and a pinned output lands the scores in place of a second copy.
 * Not model-specific, so one pair per request thread serves every model a swap brings.
 */
final class OnnxScratch {

    private static final ThreadLocal<OnnxScratch> PER_THREAD = ThreadLocal.withInitial(OnnxScratch::new);
    /** Batches above this many values are scored from one-off buffers, so no thread keeps a huge one for good. */
    static final int MAX_KEPT_VALUES = 1 << 20;

    private FloatBuffer input = allocate(0);
    private FloatBuffer output = allocate(0);

    private OnnxScratch() {
    }

    /** The calling thread's scratch. */
    static OnnxScratch current() {
        return PER_THREAD.get();
    }

    /** {@code values} copied into a direct buffer positioned at 0 with exactly their length as limit. */
    FloatBuffer input(float[] values) {
        FloatBuffer buffer = fitting(input, values.length);
        input = kept(input, buffer);
        buffer.clear();
        buffer.put(values);
        buffer.flip();
        return buffer;
    }

    /** A direct buffer of exactly {@code size} values to receive scores. */
    FloatBuffer output(int size) {
        FloatBuffer buffer = fitting(output, size);
        output = kept(output, buffer);
        buffer.clear();
        buffer.limit(size);
        return buffer;
    }

    private static FloatBuffer kept(FloatBuffer held, FloatBuffer used) {
        return used.capacity() <= MAX_KEPT_VALUES ? used : held;
    }

    private static FloatBuffer fitting(FloatBuffer held, int size) {
        if (held.capacity() >= size) {
            return held;
        }
        if (size > MAX_KEPT_VALUES) {
            return allocate(size);
        }
        // Grow with headroom so a thread settles after a few requests of slowly growing batches.
        return allocate(Math.min(MAX_KEPT_VALUES, Math.max(size, held.capacity() * 2)));
    }

    private static FloatBuffer allocate(int size) {
        return ByteBuffer.allocateDirect(size * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }
}
