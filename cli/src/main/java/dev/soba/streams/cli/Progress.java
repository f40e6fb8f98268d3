package dev.soba.streams.cli;

import java.io.PrintStream;

/**
 * A progress line for long jobs: redrawn in place on a terminal, printed every few seconds
 * when the output is a log or a pipe.
 */
public final class Progress {

    private static final long TERMINAL_EVERY_NANOS = 200_000_000L;
    private static final long LOG_EVERY_NANOS = 5_000_000_000L;

    private final PrintStream out;
    private final String label;
    private final long total;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private long lastDrawn = started;

    public Progress(final PrintStream out, final String label, final long total) {
        this.out = out;
        this.label = label;
        this.total = total;
        this.terminal = System.console() != null;
    }

    public void update(final long done) {
        final long now = System.nanoTime();
        if (now - lastDrawn < (terminal ? TERMINAL_EVERY_NANOS : LOG_EVERY_NANOS)) {
            return;
        }
        lastDrawn = now;
        draw(done, now, false);
    }

    public void finish(final long done) {
        draw(done, System.nanoTime(), true);
    }

    private void draw(final long done, final long now, final boolean last) {
        final double seconds = Math.max((now - started) / 1e9, 1e-3);
        final double rate = done / seconds;
        final int width = 30;
        final int filled = total <= 0 ? 0 : (int) Math.min(width, width * done / total);
        final String bar = "#".repeat(filled) + ".".repeat(width - filled);
        final String eta = rate > 0 && total > done ? String.format(" eta %.0fs", (total - done) / rate) : "";
        final String line = String.format("%s [%s] %,d/%,d  %,.0f/s  %.1fs%s", label, bar, done, total, rate, seconds, eta);
        if (terminal) {
            out.print("\r" + line + "   " + (last ? "\n" : ""));
        } else {
            out.println(line);
        }
        out.flush();
    }
}
