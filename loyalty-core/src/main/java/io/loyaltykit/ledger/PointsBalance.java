package io.loyaltykit.ledger;

/**
 * A member's points as of an instant, derived from lots and debits.
 *
 * @param available spendable now (negative only under {@code allow_negative})
 * @param pending   earned, not yet spendable
 * @param expired   expired unspent
 * @param redeemed  spent on rewards and cash offsets
 * @param forgiven  reversals the returns policy let go
 */
public record PointsBalance(long available, long pending, long expired, long redeemed, long forgiven) {
    /** All zero. */
    public static final PointsBalance ZERO = new PointsBalance(0, 0, 0, 0, 0);
}
