package io.loyaltykit.program;

import java.math.BigDecimal;

/**
 * What a line rule's {@code when} may read of one purchase line, read-only.
 *
 * @param line      line id
 * @param sku       sku
 * @param category  category
 * @param qty       quantity
 * @param unitPrice unit price
 * @param net       net after discounts
 */
public record LineView(String line, String sku, String category, BigDecimal qty, BigDecimal unitPrice,
                       BigDecimal net) {
}
