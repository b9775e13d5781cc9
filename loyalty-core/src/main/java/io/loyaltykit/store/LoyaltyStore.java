package io.loyaltykit.store;

import java.util.Collection;
import java.util.function.Function;

/**
 * Where the ledger lives. A store runs one event's work in a transaction that locks (or version-checks)
 * only the accounts it names, and commits the decision atomically with the event id unique. Failures
 * the store can retry (deadlocks, serialization failures) are retried a bounded number of times, then
 * surface as {@link io.loyaltykit.ErrorCode#STORE_UNAVAILABLE}.
 *
 * <pre>{@code
 * LoyaltyStore store = LoyaltyStore.inMemory();
 * Loyalty loyalty = Loyalty.builder(program).store(store).build();
 * }</pre>
 */
public interface LoyaltyStore extends AutoCloseable {

    /**
     * Runs {@code work} in one transaction holding the locks named by {@code lockKeys} (such as
     * {@code member:m1} or {@code reward:free-wash}). The work may be run again on a retryable failure,
     * so it must have no effect outside the transaction.
     */
    <T> T inTransaction(Collection<String> lockKeys, Function<StoreTransaction, T> work);

    /** Runs a read-only query on committed state. */
    <T> T read(Function<LedgerReader, T> query);

    /** A thread-safe store in memory, for tests, demos and quotes. */
    static LoyaltyStore inMemory() {
        return new InMemoryLoyaltyStore();
    }

    /** Releases resources; the default does nothing. */
    @Override
    default void close() {
    }
}
