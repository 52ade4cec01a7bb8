package io.tandem.adapters.in.cli.imports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Gathers elements and hands them on in batches of at most {@code size}, so no call exceeds a port's limit. */
final class BatchBuffer<T> {

    /** Receives one full (or the last, partial) batch. */
    @FunctionalInterface
    interface Sink<T> {
        void accept(List<T> batch) throws IOException;
    }

    private final int size;
    private final Sink<T> sink;
    private List<T> pending;
    private long added;

    BatchBuffer(int size, Sink<T> sink) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be 1 or more");
        }
        this.size = size;
        this.sink = sink;
        this.pending = new ArrayList<>(size);
    }

    void add(T element) throws IOException {
        pending.add(element);
        added++;
        if (pending.size() == size) {
            flush();
        }
    }

    /** Hands on what is pending; call once after the last {@link #add}. */
    void flush() throws IOException {
        if (pending.isEmpty()) {
            return;
        }
        List<T> batch = pending;
        pending = new ArrayList<>(size);
        sink.accept(batch);
    }

    /** Every element added so far. */
    long added() {
        return added;
    }
}
