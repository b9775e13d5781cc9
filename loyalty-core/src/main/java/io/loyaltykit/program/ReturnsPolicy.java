package io.loyaltykit.program;

/** What a return does to points already spent. */
public enum ReturnsPolicy {
    /** Reverse what is still pending on the purchase's own lots, forgive the rest. */
    ONLY_PENDING,
    /** Reverse from the purchase's own lots, then up to the available balance; forgive the rest (the default). */
    WITHIN_BALANCE,
    /** Reverse everything; the balance goes negative and later earnings repay it first. */
    ALLOW_NEGATIVE
}
