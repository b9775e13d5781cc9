package io.loyaltykit.ledger;

import java.time.Instant;

/**
 * An append-only fact keyed for look-up: quantities returned per line, points reversed per purchase,
 * a check-in's streak day, a reward's redemptions, a walk-in claim. Stores sum marks by key.
 *
 * @param id      entry id
 * @param key     look-up key, e.g. {@code returned:p1:2}
 * @param member  member id, or null
 * @param eventId the event
 * @param at      instant
 * @param value   the amount or value recorded
 */
public record Mark(String id, String key, String member, String eventId, Instant at, long value)
        implements LedgerEntry {
}
