package io.loyaltykit.program;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Referral chain rewards (介绍人多级积分): on the trigger, {@code levels[0]} pays the direct referrer,
 * {@code levels[1]} the referrer's referrer, and so on; the referee gets {@code refereePoints}.
 *
 * <pre>{@code
 * ReferralPolicy.on(ReferralPolicy.TriggerKind.FIRST_PURCHASE).minSpend("100.00")
 *     .level(200).level(50).referee(100).cap(5000, CalendarUnit.YEAR).build()
 * // file: {"trigger": "first_purchase", "minSpend": "100.00", "levels": [{"points": 200}, {"points": 50}],
 * //        "referee": {"points": 100}, "cap": {"points": 5000, "per": "year"}}
 * }</pre>
 *
 * @param trigger       what triggers the awards
 * @param minSpend      the purchase net needed, or zero
 * @param levels        what each level up the chain gets
 * @param refereePoints what the new member gets on the trigger
 * @param cap           cap per referrer, or null
 */
public record ReferralPolicy(TriggerKind trigger, BigDecimal minSpend, List<Level> levels, long refereePoints,
                             Cap cap) {

    /** The rule id written on referral entries. */
    public static final String RULE_ID = "referral";

    /** What triggers referral awards. */
    public enum TriggerKind {
        /** The referee's enrolment. */
        ENROLL,
        /** The referee's first purchase whose net reaches {@code minSpend}. */
        FIRST_PURCHASE,
        /** Every purchase of the referee reaching {@code minSpend}. */
        EVERY_PURCHASE
    }

    /** Copies levels. */
    public ReferralPolicy {
        minSpend = minSpend == null ? BigDecimal.ZERO : minSpend;
        levels = levels == null ? List.of() : List.copyOf(levels);
    }

    /** A builder for this trigger. */
    public static Builder on(TriggerKind trigger) {
        return new Builder(trigger);
    }

    /**
     * What one level pays: fixed {@code points} or a {@code share} of the points the referee's purchase earned.
     *
     * @param points fixed points, or null
     * @param share  fraction of the referee's purchase points, or null
     */
    public record Level(Long points, BigDecimal share) {
    }

    /** Builds a {@link ReferralPolicy}. */
    public static final class Builder {
        private final TriggerKind trigger;
        private BigDecimal minSpend = BigDecimal.ZERO;
        private final List<Level> levels = new ArrayList<>();
        private long referee;
        private Cap cap;

        private Builder(TriggerKind trigger) {
            this.trigger = trigger;
        }

        /** Smallest qualifying purchase net. */
        public Builder minSpend(String amount) {
            this.minSpend = new BigDecimal(amount);
            return this;
        }

        /** Adds a level paying fixed points. */
        public Builder level(long points) {
            levels.add(new Level(points, null));
            return this;
        }

        /** Adds a level paying a share of the referee's purchase points. */
        public Builder levelShare(String share) {
            levels.add(new Level(null, new BigDecimal(share)));
            return this;
        }

        /** What the referee gets. */
        public Builder referee(long points) {
            this.referee = points;
            return this;
        }

        /** A cap per referrer. */
        public Builder cap(long points, CalendarUnit per) {
            this.cap = new Cap(points, per);
            return this;
        }

        /** The policy. */
        public ReferralPolicy build() {
            return new ReferralPolicy(trigger, minSpend, levels, referee, cap);
        }
    }
}
