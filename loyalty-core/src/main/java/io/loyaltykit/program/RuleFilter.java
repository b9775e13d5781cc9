package io.loyaltykit.program;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

/**
 * The filters any earning rule may carry. Empty sets and nulls match everything.
 *
 * @param categories        line categories it looks at
 * @param excludeCategories line categories it ignores
 * @param skus              skus it looks at
 * @param excludeSkus       skus it ignores
 * @param tiers             member levels it applies to
 * @param stores            stores it applies to
 * @param from              active from (inclusive), or null
 * @param to                active until (exclusive), or null
 * @param daysOfWeek        days it applies on
 * @param hoursFrom         start of the daily hours (inclusive), or null
 * @param hoursTo           end of the daily hours (exclusive), or null
 * @param birthday          birthday period it applies in, or null
 * @param when              a condition, or null
 */
public record RuleFilter(Set<String> categories, Set<String> excludeCategories, Set<String> skus,
                         Set<String> excludeSkus, Set<String> tiers, Set<String> stores, DateBound from,
                         DateBound to, Set<DayOfWeek> daysOfWeek, LocalTime hoursFrom, LocalTime hoursTo,
                         BirthdayPeriod birthday, Condition when) {

    /** Matches everything. */
    public static final RuleFilter ANY = new RuleFilter(null, null, null, null, null, null, null, null, null,
            null, null, null, null);

    /** Copies sets; nulls become empty. */
    public RuleFilter {
        categories = copy(categories);
        excludeCategories = copy(excludeCategories);
        skus = copy(skus);
        excludeSkus = copy(excludeSkus);
        tiers = copy(tiers);
        stores = copy(stores);
        daysOfWeek = daysOfWeek == null ? Set.of() : Set.copyOf(daysOfWeek);
    }

    private static Set<String> copy(Set<String> s) {
        return s == null ? Set.of() : Set.copyOf(s);
    }

    /** Whether the line filters (categories, skus) let this line through. */
    public boolean matchesLine(String sku, String category) {
        if (!categories.isEmpty() && !categories.contains(category)) {
            return false;
        }
        if (excludeCategories.contains(category)) {
            return false;
        }
        if (!skus.isEmpty() && !skus.contains(sku)) {
            return false;
        }
        return !excludeSkus.contains(sku);
    }

    /** True when any line filter is set. */
    public boolean hasLineFilters() {
        return !categories.isEmpty() || !excludeCategories.isEmpty() || !skus.isEmpty() || !excludeSkus.isEmpty();
    }
}
