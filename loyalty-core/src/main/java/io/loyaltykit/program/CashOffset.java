package io.loyaltykit.program;

import java.math.BigDecimal;
import java.util.Set;

/**
 * Points as cash off the bill (积分抵现): {@code points} points are worth {@code value}; only lines of the
 * listed categories (all when empty), at most {@code maxShare} of their net, never a line below its cost
 * when {@code respectCost}; points used are a multiple of {@code step} and at least {@code minPoints}.
 *
 * <pre>{@code
 * CashOffset.of(100, "1.00").categories("service", "retail").maxShare("0.5").minPoints(100).step(100).respectCost(true)
 * // file: {"points": 100, "value": "1.00", "categories": ["service", "retail"], "maxShare": 0.5,
 * //        "minPoints": 100, "step": 100, "respectCost": true}
 * }</pre>
 *
 * @param points      points per {@code value}
 * @param value       money those points are worth
 * @param categories  eligible categories; empty means all
 * @param maxShare    largest share of the eligible net that may be offset (0..1)
 * @param minPoints   fewest points per use
 * @param step        points used are a multiple of this
 * @param respectCost never take a line below its cost
 */
public record CashOffset(long points, BigDecimal value, Set<String> categories, BigDecimal maxShare,
                         long minPoints, long step, boolean respectCost) {

    /** Copies categories; defaults maxShare to 1 and step to 1. */
    public CashOffset {
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        maxShare = maxShare == null ? BigDecimal.ONE : maxShare;
        step = step <= 0 ? 1 : step;
    }

    /** {@code points} points worth {@code value}. */
    public static CashOffset of(long points, String value) {
        return new CashOffset(points, new BigDecimal(value), Set.of(), BigDecimal.ONE, 0, 1, false);
    }

    /** Eligible categories. */
    public CashOffset categories(String... c) {
        return new CashOffset(points, value, Set.of(c), maxShare, minPoints, step, respectCost);
    }

    /** Largest share of the eligible net. */
    public CashOffset maxShare(String share) {
        return new CashOffset(points, value, categories, new BigDecimal(share), minPoints, step, respectCost);
    }

    /** Fewest points per use. */
    public CashOffset minPoints(long min) {
        return new CashOffset(points, value, categories, maxShare, min, step, respectCost);
    }

    /** Points used are a multiple of this. */
    public CashOffset step(long s) {
        return new CashOffset(points, value, categories, maxShare, minPoints, s, respectCost);
    }

    /** Whether lines may not go below cost. */
    public CashOffset respectCost(boolean r) {
        return new CashOffset(points, value, categories, maxShare, minPoints, step, r);
    }

    /** Whether a category is eligible. */
    public boolean eligible(String category) {
        return categories.isEmpty() || categories.contains(category);
    }
}
