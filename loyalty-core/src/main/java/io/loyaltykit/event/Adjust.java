package io.loyaltykit.event;

import java.time.Instant;

/**
 * A manual adjustment by an operator, with a reason; positive credits, negative debits.
 *
 * @param id       idempotency key
 * @param at       instant
 * @param member   member id
 * @param points   points to add (positive) or take (negative), non-zero
 * @param reason   why, required
 * @param operator who, required
 */
public record Adjust(String id, Instant at, String member, long points, String reason, String operator)
        implements Event {
    @Override
    public String type() {
        return "adjust";
    }
}
