package io.loyaltykit;

import io.loyaltykit.program.TierLevel;

import java.util.List;

/**
 * What a purchase would do, for the POS screen before payment.
 *
 * @param points              points the purchase would earn
 * @param maxRedeemablePoints the most points the bill can take as cash off
 * @param tier                the member's level
 * @param discounts           what the level entitles the member to, for the POS to price with
 * @param problem             why the purchase as given would be rejected, or null
 * @param message             the problem in words, or null
 */
public record Quote(long points, long maxRedeemablePoints, String tier, List<TierLevel.Discount> discounts,
                    ErrorCode problem, String message) {
    /** Copies discounts. */
    public Quote {
        discounts = List.copyOf(discounts);
    }
}
