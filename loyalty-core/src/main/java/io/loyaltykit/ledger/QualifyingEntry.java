package io.loyaltykit.ledger;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A contribution to the tier metric (spend, points earned or visits); returns write negative ones.
 *
 * @param id      entry id
 * @param member  member id
 * @param eventId the event
 * @param at      instant
 * @param amount  signed contribution
 */
public record QualifyingEntry(String id, String member, String eventId, Instant at, BigDecimal amount)
        implements LedgerEntry {
}
