package io.loyaltykit.ledger;

import java.time.Instant;

/**
 * Points earned: a lot that debits draw from. Pending until {@code maturesAt}, expired from {@code expiresAt}.
 *
 * @param id        entry id
 * @param member    member id (null for points held for a walk-in purchase)
 * @param eventId   the event that earned it
 * @param rule      the rule that paid it ({@code tier:ID} for a tier multiplier, {@code referral}, {@code adjust})
 * @param reason    why, for people
 * @param source    what kind of earning
 * @param points    points, positive
 * @param earnedAt  instant earned (expiry counts from here)
 * @param maturesAt instant spendable
 * @param expiresAt instant expired, or null for never
 * @param origin    the purchase this lot follows on returns (its own id for purchase lots), or null
 * @param store     the store where it was earned, or null
 */
public record PointsLot(String id, String member, String eventId, String rule, String reason, Source source,
                        long points, Instant earnedAt, Instant maturesAt, Instant expiresAt, String origin,
                        String store) implements LedgerEntry {

    /** What kind of earning wrote a lot. */
    public enum Source {
        /** A purchase's own points. */
        PURCHASE,
        /** Enrolment, check-in, custom event or top-up points. */
        AWARD,
        /** A referral award (to a referrer or the referee). */
        REFERRAL,
        /** Points of a walk-in purchase, held or claimed. */
        WALK_IN,
        /** A manual adjustment. */
        ADJUST
    }

    @Override
    public Instant at() {
        return earnedAt;
    }

    /** Pending at {@code t}. */
    public boolean pendingAt(Instant t) {
        return maturesAt.isAfter(t) && !expiredAt(t);
    }

    /** Expired at {@code t}. */
    public boolean expiredAt(Instant t) {
        return expiresAt != null && !expiresAt.isAfter(t);
    }
}
