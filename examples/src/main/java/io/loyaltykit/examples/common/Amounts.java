package io.loyaltykit.examples.common;

import io.loyaltykit.ErrorCode;
import io.loyaltykit.LoyaltyException;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Turns the amounts and quantities POS software hands over into the exact decimals LoyaltyKit events carry.
 * POS systems store money as binary doubles (uniCenta), JSON decimals (Loyverse) or integer minor units
 * (Square); events want a {@link BigDecimal} at the currency's scale and quantities with at most three
 * decimals.
 *
 * <pre>{@code
 * BigDecimal price = Amounts.ofDouble(120.75471698113208 * 1.06, 2);   // 128.00
 * BigDecimal usd = Amounts.ofMinorUnits(1299, 2);                      // 12.99
 * }</pre>
 */
public final class Amounts {
    /** The most decimals of quantity the engine accepts. */
    public static final int QUANTITY_SCALE = 3;

    private Amounts() {
    }

    /**
     * A double from a POS database at the currency's scale, rounded half-even. {@link BigDecimal#valueOf(double)}
     * goes through the shortest decimal that reads back as the same double, so 0.1 stays 0.1.
     */
    public static BigDecimal ofDouble(double value, int scale) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new LoyaltyException(ErrorCode.INVALID_EVENT, "amount " + value + " is not a number");
        }
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_EVEN);
    }

    /** A decimal amount at the currency's scale, rounded half-even when the POS sends more decimals. */
    public static BigDecimal atScale(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.HALF_EVEN);
    }

    /** An amount in minor units (cents) as a decimal at the currency's scale: 1299 at scale 2 is 12.99. */
    public static BigDecimal ofMinorUnits(long minorUnits, int scale) {
        return BigDecimal.valueOf(minorUnits, scale);
    }

    /**
     * A quantity as the engine takes it: at most three decimals (rounded half-even beyond), trailing zeros
     * dropped so that "2.000" and "2" read the same.
     */
    public static BigDecimal quantity(BigDecimal qty) {
        BigDecimal q = qty.setScale(QUANTITY_SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return q.scale() < 0 ? q.setScale(0) : q;
    }

    /** A quantity from a double, as {@link #quantity(BigDecimal)}. */
    public static BigDecimal quantity(double qty) {
        if (Double.isNaN(qty) || Double.isInfinite(qty)) {
            throw new LoyaltyException(ErrorCode.INVALID_EVENT, "quantity " + qty + " is not a number");
        }
        return quantity(BigDecimal.valueOf(qty));
    }

    /**
     * The unit price to book a line at so that {@code qty * unitPrice} is the line's gross exactly: the listed
     * price when it multiplies out (no modifiers), else the gross divided by the quantity when that is a
     * whole number of minor units, else null (the caller books the line as one unit at its gross).
     */
    public static BigDecimal unitPriceFor(BigDecimal gross, BigDecimal qty, BigDecimal listed, int scale) {
        if (listed != null) {
            BigDecimal unit = atScale(listed, scale);
            if (unit.multiply(qty).compareTo(gross) == 0) {
                return unit;
            }
        }
        if (qty.signum() == 0) {
            return null;
        }
        try {
            BigDecimal unit = gross.divide(qty, scale, RoundingMode.UNNECESSARY);
            return unit.multiply(qty).compareTo(gross) == 0 ? unit : null;
        } catch (ArithmeticException notExact) {
            return null;
        }
    }
}
