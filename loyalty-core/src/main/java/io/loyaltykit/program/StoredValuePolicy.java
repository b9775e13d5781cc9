package io.loyaltykit.program;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Stored value (储值, 充值送): top-ups credit principal plus the bonus of the highest step reached, held
 * apart; payments draw them in {@code spendOrder}. An optional credit limit (赊账) lets the principal go
 * below zero down to minus the limit.
 *
 * <pre>{@code
 * StoredValuePolicy.spending(StoredValuePolicy.Order.PROPORTIONAL).bonus("500.00", "50.00").bonus("1000.00", "200.00").build()
 * // file: {"topUpBonus": [{"atLeast": "500.00", "bonus": "50.00"}, {"atLeast": "1000.00", "bonus": "200.00"}],
 * //        "spendOrder": "proportional"}
 * }</pre>
 *
 * @param topUpBonus  bonus steps, increasing
 * @param spendOrder  which purse pays first
 * @param creditLimit how far principal may go below zero (zero for none)
 */
public record StoredValuePolicy(List<Step> topUpBonus, Order spendOrder, BigDecimal creditLimit) {

    /** Copies steps; defaults to proportional and no credit. */
    public StoredValuePolicy {
        topUpBonus = topUpBonus == null ? List.of() : List.copyOf(topUpBonus);
        spendOrder = spendOrder == null ? Order.PROPORTIONAL : spendOrder;
        creditLimit = creditLimit == null ? BigDecimal.ZERO : creditLimit;
    }

    /** Which purse a payment draws first. */
    public enum Order {
        /** Principal, then bonus. */
        PRINCIPAL_FIRST,
        /** Bonus, then principal. */
        BONUS_FIRST,
        /** In the ratio of the balances; principal rounded half-even, bonus the rest. */
        PROPORTIONAL
    }

    /**
     * A bonus step.
     *
     * @param atLeast top-up needed
     * @param bonus   bonus credited
     */
    public record Step(BigDecimal atLeast, BigDecimal bonus) {
    }

    /** The bonus for a top-up of {@code amount}: the highest step reached, or zero. */
    public BigDecimal bonusFor(BigDecimal amount) {
        BigDecimal b = BigDecimal.ZERO;
        for (Step s : topUpBonus) {
            if (amount.compareTo(s.atLeast) >= 0 && (b.signum() == 0 || s.bonus.compareTo(b) > 0)) {
                b = s.bonus;
            }
        }
        return b;
    }

    /** A builder with this spend order. */
    public static Builder spending(Order order) {
        return new Builder(order);
    }

    /** Builds a {@link StoredValuePolicy}. */
    public static final class Builder {
        private final Order order;
        private final List<Step> steps = new ArrayList<>();
        private BigDecimal credit = BigDecimal.ZERO;

        private Builder(Order order) {
            this.order = order;
        }

        /** A bonus step. */
        public Builder bonus(String atLeast, String bonus) {
            steps.add(new Step(new BigDecimal(atLeast), new BigDecimal(bonus)));
            return this;
        }

        /** A credit limit. */
        public Builder creditLimit(String amount) {
            this.credit = new BigDecimal(amount);
            return this;
        }

        /** The policy. */
        public StoredValuePolicy build() {
            return new StoredValuePolicy(steps, order, credit);
        }
    }
}
