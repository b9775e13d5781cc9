package io.loyaltykit.cli;

import java.io.PrintWriter;

/** A progress line on stderr for long replays, redrawn at most twice a second. */
final class Progress {
    private final PrintWriter err;
    private final String what;
    private final long total;
    private final long started = System.nanoTime();
    private long lastDraw = started;
    private boolean drawn;

    Progress(PrintWriter err, String what, long total) {
        this.err = err;
        this.what = what;
        this.total = total;
    }

    void update(long done) {
        long now = System.nanoTime();
        if (now - lastDraw < 500_000_000L || now - started < 1_000_000_000L) {
            return;
        }
        lastDraw = now;
        drawn = true;
        double seconds = (now - started) / 1e9;
        err.printf("\r%s %,d/%,d (%d%%), %,.0f/s   ", what, done, total, total == 0 ? 100 : done * 100 / total,
                done / seconds);
        err.flush();
    }

    /** Seconds since the start. */
    double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    void finish() {
        if (drawn) {
            err.print("\r" + " ".repeat(72) + "\r");
            err.flush();
        }
    }
}
