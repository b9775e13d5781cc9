package io.loyaltykit.cli;

import io.loyaltykit.store.LoyaltyStore;

/** Opens the store a command replays into. */
final class Stores {
    private Stores() {
    }

    /** The store at a JDBC URL, or a fresh in-memory one when the URL is null. */
    static LoyaltyStore open(String jdbcUrl) {
        if (jdbcUrl == null) {
            return LoyaltyStore.inMemory();
        }
        throw new IllegalArgumentException("--db is not supported by this build");
    }
}
