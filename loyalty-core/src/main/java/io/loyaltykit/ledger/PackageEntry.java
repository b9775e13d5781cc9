package io.loyaltykit.ledger;

import java.time.Instant;

/**
 * Package uses: a grant ({@code uses} positive, {@code grant} its own id), a use (negative) or uses given
 * back (positive, {@code grant} naming the original grant).
 *
 * @param id        entry id
 * @param member    member id
 * @param eventId   the event
 * @param reason    why
 * @param packageId the package
 * @param grant     the grant this entry counts against
 * @param uses      signed uses
 * @param at        instant
 * @param expiresAt when the grant's uses expire, or null
 * @param origin    the purchase it follows, or null
 */
public record PackageEntry(String id, String member, String eventId, String reason, String packageId, String grant,
                           long uses, Instant at, Instant expiresAt, String origin) implements LedgerEntry {

    /** True for the entry that created a grant. */
    public boolean isGrant() {
        return id.equals(grant);
    }
}
