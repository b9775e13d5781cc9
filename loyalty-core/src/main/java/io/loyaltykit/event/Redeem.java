package io.loyaltykit.event;

import java.time.Instant;

/**
 * Spending points on a reward from the catalog (积分兑换).
 *
 * @param id     idempotency key
 * @param at     instant
 * @param member member id
 * @param reward reward id
 * @param store  store, or null
 */
public record Redeem(String id, Instant at, String member, String reward, String store) implements Event {
    /** A redemption without store. */
    public static Redeem of(String id, Instant at, String member, String reward) {
        return new Redeem(id, at, member, reward, null);
    }

    @Override
    public String type() {
        return "redeem";
    }
}
