package io.loyaltykit.ledger;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A movement of stored value in one purse: positive credits, negative debits.
 *
 * @param id      entry id
 * @param member  member id
 * @param eventId the event
 * @param reason  why
 * @param purse   principal or bonus
 * @param amount  signed amount at the currency's scale
 * @param at      instant
 * @param origin  the top-up or purchase it follows (refunds, returns), or null
 * @param store   the store, or null
 */
public record ValueEntry(String id, String member, String eventId, String reason, Purse purse, BigDecimal amount,
                         Instant at, String origin, String store) implements LedgerEntry {

    /** The two purses of stored value. */
    public enum Purse {
        /** Money paid in. */
        PRINCIPAL,
        /** Bonus given on top-ups. */
        BONUS
    }
}
