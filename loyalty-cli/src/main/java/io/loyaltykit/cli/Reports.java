package io.loyaltykit.cli;

import io.loyaltykit.program.Program;
import io.loyaltykit.store.LoyaltyStore;

import java.nio.file.Path;
import java.time.Instant;

/** Writes the HTML report of a replayed store. */
final class Reports {
    private Reports() {
    }

    static void write(Program program, LoyaltyStore store, Instant asOf, Path file) {
        throw new UnsupportedOperationException("--report is not supported by this build");
    }
}
