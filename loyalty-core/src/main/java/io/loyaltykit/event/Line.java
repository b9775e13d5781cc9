package io.loyaltykit.event;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One purchase line. Gross is {@code qty * unitPrice}; net is gross minus {@code discount} minus the
 * line's share of the order discount.
 *
 * @param line      line id, unique within the purchase
 * @param sku       product or service code
 * @param category  category such as {@code service} or {@code retail}
 * @param qty       quantity, positive
 * @param unitPrice price per unit
 * @param discount  line discount (total for the line), zero if none
 * @param cost      cost per unit, or null when unknown
 * @param staff     who served the line (stylist), or null
 */
public record Line(String line, String sku, String category, BigDecimal qty, BigDecimal unitPrice,
                   BigDecimal discount, BigDecimal cost, String staff) {

    /** Defaults a null discount to zero. */
    public Line {
        discount = discount == null ? BigDecimal.ZERO : discount;
    }

    /** A line without discount, cost or staff. */
    public static Line of(String line, String sku, String category, String qty, String unitPrice) {
        return new Line(line, sku, category, new BigDecimal(qty), new BigDecimal(unitPrice), BigDecimal.ZERO, null, null);
    }

    /** This line with a per-unit cost. */
    public Line withCost(String cost) {
        return new Line(line, sku, category, qty, unitPrice, discount, new BigDecimal(cost), staff);
    }

    /** This line with a line discount. */
    public Line withDiscount(String discount) {
        return new Line(line, sku, category, qty, unitPrice, new BigDecimal(discount), cost, staff);
    }

    /** {@code qty * unitPrice}. */
    public BigDecimal gross() {
        return Objects.requireNonNull(qty, "qty").multiply(Objects.requireNonNull(unitPrice, "unitPrice"));
    }
}
