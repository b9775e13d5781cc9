package io.loyaltykit.store;

/**
 * A transaction holding the locks of the accounts one event touches.
 */
public interface StoreTransaction extends LedgerReader {

    /**
     * Records one event's decision. Fails with {@link io.loyaltykit.ErrorCode#IDEMPOTENCY_CONFLICT} if the
     * event id was recorded meanwhile (by another process); nothing is written then.
     */
    void commit(Decision decision);
}
