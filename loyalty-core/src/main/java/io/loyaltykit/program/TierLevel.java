package io.loyaltykit.program;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One level: reached when the metric is at least the threshold; its {@code earnMultiplier} joins the
 * purchase multipliers, and its discounts are returned by quotes for the POS to price with.
 *
 * @param id             level id
 * @param name           display name
 * @param threshold      metric needed
 * @param earnMultiplier multiplier on rate points (1 = none)
 * @param discounts      discounts the level entitles to
 */
public record TierLevel(String id, String name, BigDecimal threshold, BigDecimal earnMultiplier,
                        List<Discount> discounts) {

    /** Defaults the multiplier to 1 and copies discounts. */
    public TierLevel {
        earnMultiplier = earnMultiplier == null ? BigDecimal.ONE : earnMultiplier;
        discounts = discounts == null ? List.of() : List.copyOf(discounts);
    }

    /** A level without multiplier or discounts. */
    public static TierLevel of(String id, String name, String threshold) {
        return new TierLevel(id, name, new BigDecimal(threshold), BigDecimal.ONE, List.of());
    }

    /** This level with an earn multiplier. */
    public TierLevel earnMultiplier(String m) {
        return new TierLevel(id, name, threshold, new BigDecimal(m), discounts);
    }

    /** This level with one more discount. */
    public TierLevel discount(String rate, String... categories) {
        List<Discount> d = new ArrayList<>(discounts);
        d.add(new Discount(Set.of(categories), new BigDecimal(rate)));
        return new TierLevel(id, name, threshold, earnMultiplier, d);
    }

    /**
     * A price rate on categories: {@code 0.95} means 5% off.
     *
     * @param categories categories it applies to
     * @param rate       price factor
     */
    public record Discount(Set<String> categories, BigDecimal rate) {
        /** Copies categories. */
        public Discount {
            categories = Set.copyOf(categories);
        }
    }
}
