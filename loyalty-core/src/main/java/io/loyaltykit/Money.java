package io.loyaltykit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money at its currency's scale. Arithmetic refuses mixed currencies with
 * {@link ErrorCode#CURRENCY_MISMATCH}; amounts with more decimals than the currency allows are refused
 * rather than rounded.
 *
 * <pre>{@code
 * Money total = Money.of("128.00", "CNY").plus(Money.of("45.50", "CNY"));   // CNY 173.50
 * }</pre>
 *
 * @param amount   the amount, at the currency's default fraction digits
 * @param currency the currency
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    /** Normalises the scale to the currency's; refuses an amount that would need rounding. */
    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int scale = Math.max(0, currency.getDefaultFractionDigits());
        try {
            amount = amount.setScale(scale, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new LoyaltyException(ErrorCode.INVALID_EVENT,
                    "amount " + amount.toPlainString() + " has more decimals than " + currency + " allows");
        }
    }

    /** Parses a decimal string such as {@code "128.00"}. */
    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    /** An amount in a currency. */
    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    /** Zero in a currency. */
    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** Rounds half-even to the currency's scale: for shares that are not whole minor units. */
    public static Money rounded(BigDecimal amount, Currency currency) {
        return new Money(amount.setScale(Math.max(0, currency.getDefaultFractionDigits()), RoundingMode.HALF_EVEN), currency);
    }

    /** This plus another amount in the same currency. */
    public Money plus(Money other) {
        return new Money(amount.add(same(other).amount), currency);
    }

    /** This minus another amount in the same currency. */
    public Money minus(Money other) {
        return new Money(amount.subtract(same(other).amount), currency);
    }

    /** Negated. */
    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    /** True when below zero. */
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /** True when zero. */
    public boolean isZero() {
        return amount.signum() == 0;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(same(other).amount);
    }

    private Money same(Money other) {
        if (!currency.equals(other.currency)) {
            throw new LoyaltyException(ErrorCode.CURRENCY_MISMATCH,
                    "cannot combine " + currency + " with " + other.currency);
        }
        return other;
    }

    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount.toPlainString();
    }
}
