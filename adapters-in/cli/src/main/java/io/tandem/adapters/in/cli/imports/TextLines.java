package io.tandem.adapters.in.cli.imports;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Streams a text file line by line with 1-based line numbers, the one reader every import shares. */
final class TextLines {

    /** How often, in lines, progress is told how far the reader got. */
    private static final int PROGRESS_EVERY_LINES = 1_000;

    /** Some editors start UTF-8 files with a byte order mark; it is not part of the first record. */
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private TextLines() {
    }

    /** Receives one line (without its terminator) and its 1-based number in the file. */
    @FunctionalInterface
    interface LineHandler {
        void line(long number, String text) throws IOException;
    }

    /** Reads the whole file; {@code progress} hears about the bytes consumed, so it needs no line count up front. */
    static long read(Path file, Charset charset, ImportProgress progress, LineHandler handler) throws IOException {
        try (CountingInputStream bytes = new CountingInputStream(Files.newInputStream(file));
             BufferedReader reader = new BufferedReader(new InputStreamReader(bytes, charset), 1 << 16)) {
            long number = 0;
            String text;
            while ((text = reader.readLine()) != null) {
                number++;
                if (number == 1 && text.startsWith(BYTE_ORDER_MARK)) {
                    text = text.substring(1);
                }
                handler.line(number, text);
                if (number % PROGRESS_EVERY_LINES == 0) {
                    progress.advanceTo(bytes.count(), number);
                }
            }
            progress.advanceTo(bytes.count(), number);
            return number;
        }
    }

    /** Reads the whole file without progress, for the small side files of a data set. */
    static long read(Path file, Charset charset, LineHandler handler) throws IOException {
        return read(file, charset, ImportProgress.NONE, handler);
    }

    /** The columns of a delimited line, keeping empty ones (MovieLens leaves the video release date empty). */
    static String[] columns(String text, char separator) {
        // A one-character pattern, escaped, takes String.split's fast path without regular expressions.
        return text.split("\\" + separator, -1);
    }

    /**
     * UTF-8 when the whole file decodes as UTF-8, ISO-8859-1 otherwise: data sets of that era mix both
     * (HetRec's {@code tags.dat} is Latin-1 while its {@code artists.dat} is UTF-8), and a Latin-1 file with
     * accents is almost never valid UTF-8. Reads the file into memory: meant for small side files.
     */
    static Charset utf8OrLatin1(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            decoder.decode(ByteBuffer.wrap(Files.readAllBytes(file)));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }

    /** Counts the bytes the reader pulled, which is how far through the file it is. */
    private static final class CountingInputStream extends FilterInputStream {

        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
