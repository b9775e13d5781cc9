package io.loyaltykit.store;

import java.math.BigDecimal;

/**
 * What a purchase line was, kept for returns: its net and its exact share of the purchase's points.
 *
 * @param line        line id
 * @param sku         sku
 * @param category    category
 * @param qty         quantity bought
 * @param net         net amount
 * @param pointsShare exact share of the member's purchase points (unrounded)
 * @param qualifying  the line's contribution to the tier metric
 * @param staff       who served it, or null
 */
public record LineRecord(String line, String sku, String category, BigDecimal qty, BigDecimal net,
                         BigDecimal pointsShare, BigDecimal qualifying, String staff) {
}
