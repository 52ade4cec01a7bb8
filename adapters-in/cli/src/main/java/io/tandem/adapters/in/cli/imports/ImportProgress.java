package io.tandem.adapters.in.cli.imports;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;

/** How far an import got through its input file, shown as a bar on a terminal and as a few lines elsewhere. */
interface ImportProgress extends AutoCloseable {

    /** Shows nothing, for side files that take no noticeable time. */
    ImportProgress NONE = new ImportProgress() {
        @Override
        public void advanceTo(long bytes, long lines) {
            // Nothing to show.
        }

        @Override
        public void close() {
            // Nothing to release.
        }
    };

    /** {@code bytes} of the file have been read, holding {@code lines} lines. */
    void advanceTo(long bytes, long lines);

    @Override
    void close();

    /** Starts showing progress through a file of {@code totalBytes}. */
    @FunctionalInterface
    interface Display {

        ImportProgress start(String task, long totalBytes);

        /**
         * A redrawn bar when a person watches a terminal; otherwise plain lines, because the carriage returns
         * of a bar turn into thousands of lines in a CI log.
         */
        static Display forConsole(PrintStream out) {
            return System.console() != null ? bar(out) : lines(out);
        }

        static Display bar(PrintStream out) {
            return (task, totalBytes) -> new Bar(new ProgressBarBuilder()
                    .setTaskName(task)
                    .setInitialMax(totalBytes)
                    .setUnit(" MB", 1 << 20)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(out))
                    .build());
        }

        static Display lines(PrintStream out) {
            return (task, totalBytes) -> new Lines(out, task, totalBytes);
        }
    }

    /** The progressbar library's bar, in megabytes of the file, with the line count beside it. */
    final class Bar implements ImportProgress {

        private final ProgressBar bar;

        Bar(ProgressBar bar) {
            this.bar = bar;
        }

        @Override
        public void advanceTo(long bytes, long lines) {
            bar.stepTo(bytes);
            bar.setExtraMessage(String.format("%,d lines", lines));
        }

        @Override
        public void close() {
            bar.close();
        }
    }

    /** One line per tenth of the file, so even a huge file adds at most ten lines to a log. */
    final class Lines implements ImportProgress {

        private static final int STEP_PERCENT = 10;

        private final PrintStream out;
        private final String task;
        private final long totalBytes;
        private int nextPercent = STEP_PERCENT;

        Lines(PrintStream out, String task, long totalBytes) {
            this.out = out;
            this.task = task;
            this.totalBytes = totalBytes;
        }

        @Override
        public void advanceTo(long bytes, long lines) {
            int percent = totalBytes <= 0 ? 100 : (int) Math.min(100, bytes * 100 / totalBytes);
            if (percent >= nextPercent) {
                out.printf("%s: %d%% read, %,d lines%n", task, percent, lines);
                nextPercent = (percent / STEP_PERCENT + 1) * STEP_PERCENT;
            }
        }

        @Override
        public void close() {
            // Every line is already printed.
        }
    }
}
