package io.loyaltykit;

/**
 * Stable codes for everything a caller can act on. The declaration order is the precedence
 * order of the events spec: when several apply, the earliest one is reported.
 */
public enum ErrorCode {
    /** Same event id, different content. */
    IDEMPOTENCY_CONFLICT,
    /** The event is malformed: missing fields, non-positive quantities, tenders that do not add up. */
    INVALID_EVENT,
    /** An amount is in another currency than the program's. */
    CURRENCY_MISMATCH,
    /** The member is not enrolled. */
    UNKNOWN_MEMBER,
    /** An enrolment for a member id that already exists. */
    DUPLICATE_MEMBER,
    /** Self-referral, a referral cycle or an unknown referrer. */
    REFERRAL_INVALID,
    /** A walk-in claim that is unknown, expired or already claimed. */
    CLAIM_INVALID,
    /** A return or refund whose original is unknown. */
    UNKNOWN_ORIGINAL,
    /** A return of more than was bought and not yet returned. */
    RETURN_EXCEEDS_ORIGINAL,
    /** An unknown reward, one out of stock, or one not offered to the member's tier. */
    REWARD_UNAVAILABLE,
    /** A per-member limit, such as a second check-in the same day or a reward's monthly limit. */
    LIMIT_REACHED,
    /** A cash offset above what the rules allow; the largest allowed figure is attached. */
    REDEMPTION_NOT_ALLOWED,
    /** Not enough available points. */
    INSUFFICIENT_POINTS,
    /** A stored-value tender larger than the balance (and credit limit). */
    INSUFFICIENT_STORED_VALUE,
    /** The store could not commit after its bounded retries (deadlocks, serialization failures, lost connections). */
    STORE_UNAVAILABLE,
    /** A program that cannot be used: the message lists every problem, each with its path and rule id. */
    INVALID_PROGRAM
}
