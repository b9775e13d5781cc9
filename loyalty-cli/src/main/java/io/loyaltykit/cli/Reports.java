package io.loyaltykit.cli;

import io.loyaltykit.program.Program;
import io.loyaltykit.report.ReplayReport;
import io.loyaltykit.store.LoyaltyStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;

/** Writes the HTML report of a replayed store. */
final class Reports {
    private Reports() {
    }

    /** Writes the report and returns it, for its summary table. */
    static ReplayReport write(Program program, LoyaltyStore store, Instant asOf, Path file) {
        ReplayReport report = ReplayReport.collect(program, store, asOf);
        try {
            report.write(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + file + ": " + e.getMessage(), e);
        }
        return report;
    }
}
