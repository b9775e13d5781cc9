package io.loyaltykit.store;

import java.time.Instant;
import java.util.List;

/**
 * What the store keeps of an applied event: enough to answer a duplicate with the first result, to
 * detect idempotency conflicts, and for returns to find what each line earned.
 *
 * @param id          event id, unique
 * @param type        event type
 * @param member      member id, or null (walk-in)
 * @param at          instant
 * @param fingerprint hash of the event's canonical content
 * @param points      net change of the event member's points (or points held for a walk-in)
 * @param tierBefore  level before, or null when unchanged/not applicable
 * @param tierAfter   level after, or null when unchanged
 * @param store       store, or null
 * @param original    the purchase or top-up it refers to, or null
 * @param lines       a purchase's lines, else empty
 */
public record EventRecord(String id, String type, String member, Instant at, String fingerprint, long points,
                          String tierBefore, String tierAfter, String store, String original,
                          List<LineRecord> lines) {
    /** Copies lines. */
    public EventRecord {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
