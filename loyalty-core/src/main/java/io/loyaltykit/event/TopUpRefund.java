package io.loyaltykit.event;

import java.time.Instant;

/**
 * Refund of a top-up: pays back unspent principal only and voids the bonus in proportion.
 *
 * @param id       idempotency key
 * @param at       instant
 * @param member   member id
 * @param original the top-up's id
 */
public record TopUpRefund(String id, Instant at, String member, String original) implements Event {
    @Override
    public String type() {
        return "topup_refund";
    }
}
