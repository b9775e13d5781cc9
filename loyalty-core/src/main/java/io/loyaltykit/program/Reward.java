package io.loyaltykit.program;

import java.util.Set;

/**
 * A reward in the catalog (积分兑换). Redeeming one spends its points, takes one from stock (when limited)
 * and returns a voucher code.
 *
 * <pre>{@code
 * Reward.of("free-wash", "免费洗护", Reward.Kind.SERVICE, 800).stock(100).limit(1, CalendarUnit.MONTH).tiers("silver", "gold")
 * // file: {"id": "free-wash", "name": "免费洗护", "kind": "service", "points": 800, "stock": 100,
 * //        "limit": {"count": 1, "per": "month"}, "tiers": ["silver", "gold"]}
 * }</pre>
 *
 * @param id     reward id
 * @param name   display name
 * @param kind   gift, coupon or service
 * @param points points it costs
 * @param stock  how many there are, or null for unlimited
 * @param limit  per-member limit, or null
 * @param tiers  levels it is offered to; empty means all
 */
public record Reward(String id, String name, Kind kind, long points, Long stock, Limit limit, Set<String> tiers) {

    /** What a reward is. */
    public enum Kind {
        /** A physical gift. */
        GIFT,
        /** A coupon. */
        COUPON,
        /** A service. */
        SERVICE
    }

    /** Copies tiers. */
    public Reward {
        tiers = tiers == null ? Set.of() : Set.copyOf(tiers);
    }

    /** A reward with unlimited stock, no limit, for all tiers. */
    public static Reward of(String id, String name, Kind kind, long points) {
        return new Reward(id, name, kind, points, null, null, Set.of());
    }

    /** With stock. */
    public Reward stock(long stock) {
        return new Reward(id, name, kind, points, stock, limit, tiers);
    }

    /** With a per-member limit. */
    public Reward limit(int count, CalendarUnit per) {
        return new Reward(id, name, kind, points, stock, new Limit(count, per), tiers);
    }

    /** Offered only to these tiers. */
    public Reward tiers(String... t) {
        return new Reward(id, name, kind, points, stock, limit, Set.of(t));
    }

    /**
     * A per-member limit.
     *
     * @param count how many
     * @param per   per calendar period
     */
    public record Limit(int count, CalendarUnit per) {
    }
}
