package io.loyaltykit.ledger;

import java.math.BigDecimal;

/**
 * Stored-value balances.
 *
 * @param principal money paid in, unspent (negative under a credit limit)
 * @param bonus     bonus given, unspent
 */
public record Purses(BigDecimal principal, BigDecimal bonus) {
    /** Both zero. */
    public static final Purses ZERO = new Purses(BigDecimal.ZERO, BigDecimal.ZERO);

    /** Principal plus bonus. */
    public BigDecimal total() {
        return principal.add(bonus);
    }
}
