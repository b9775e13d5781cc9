package io.loyaltykit.ledger;

import java.time.Instant;

/**
 * One immutable line of the ledger. Nothing is updated in place or deleted: balances, tiers and limits are
 * derived from these entries. Every entry carries the event that wrote it.
 */
public sealed interface LedgerEntry permits PointsLot, PointsDebit, ValueEntry, PackageEntry, QualifyingEntry, Mark {

    /** Entry id, unique in the ledger ({@code eventId#n}). */
    String id();

    /** The member whose account it belongs to; for walk-in holdings, null. */
    String member();

    /** The event that wrote it. */
    String eventId();

    /** When it took effect. */
    Instant at();
}
