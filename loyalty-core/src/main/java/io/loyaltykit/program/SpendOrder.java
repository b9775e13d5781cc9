package io.loyaltykit.program;

/** Which lots a debit draws first. */
public enum SpendOrder {
    /** Soonest expiry first, then oldest; never-expiring lots last (the default). */
    SOONEST_EXPIRING,
    /** Oldest first. */
    FIFO
}
