package io.loyaltykit.program;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How members qualify for levels: a metric over a rolling window (or lifetime), upgrade on the crossing
 * event, downgrade after a grace span (or never).
 *
 * <pre>{@code
 * TierPolicy.on(TierPolicy.Metric.SPEND).window("P12M").grace("P30D")
 *     .level(TierLevel.of("regular", "普通会员", "0"))
 *     .level(TierLevel.of("silver", "银卡会员", "3000.00").earnMultiplier("1.2"))
 *     .build()
 * }</pre>
 *
 * @param metric            what is measured
 * @param window            the rolling window, or null for lifetime
 * @param downgradeGrace    how long a level is kept after the metric falls below it; null means never downgrade
 * @param excludeCategories categories that do not count toward the metric
 * @param levels            levels in increasing threshold order; the first has threshold 0
 */
public record TierPolicy(Metric metric, Span window, Span downgradeGrace, Set<String> excludeCategories,
                         List<TierLevel> levels) {

    /** A single level, {@code regular}, for programs without tiers. */
    public static final TierPolicy NONE = new TierPolicy(Metric.SPEND, null, null, Set.of(),
            List.of(new TierLevel("regular", "Regular", BigDecimal.ZERO, BigDecimal.ONE, List.of())));

    /** The metrics a tier may be measured on. */
    public enum Metric {
        /** Net paid on qualifying lines, returns subtracted. */
        SPEND,
        /** Points earned by purchases (after multipliers and caps), reversals subtracted. */
        POINTS_EARNED,
        /** Number of purchases. */
        VISITS
    }

    /** Copies collections. */
    public TierPolicy {
        metric = metric == null ? Metric.SPEND : metric;
        excludeCategories = excludeCategories == null ? Set.of() : Set.copyOf(excludeCategories);
        levels = levels == null ? List.of() : List.copyOf(levels);
    }

    /** The lowest level. */
    public TierLevel base() {
        return levels.get(0);
    }

    /** The level with this id, or null. */
    public TierLevel level(String id) {
        for (TierLevel l : levels) {
            if (l.id().equals(id)) {
                return l;
            }
        }
        return null;
    }

    /** A builder for this metric. */
    public static Builder on(Metric metric) {
        return new Builder(metric);
    }

    /** Builds a {@link TierPolicy}. */
    public static final class Builder {
        private final Metric metric;
        private Span window;
        private Span grace = Span.ZERO;
        private Set<String> exclude = Set.of();
        private final List<TierLevel> levels = new ArrayList<>();

        private Builder(Metric metric) {
            this.metric = metric;
        }

        /** A rolling window, e.g. {@code "P12M"}; {@code "lifetime"} for none. */
        public Builder window(String span) {
            this.window = "lifetime".equals(span) ? null : Span.parse(span);
            return this;
        }

        /** Downgrade after this grace span. */
        public Builder grace(String span) {
            this.grace = Span.parse(span);
            return this;
        }

        /** Never downgrade. */
        public Builder neverDowngrade() {
            this.grace = null;
            return this;
        }

        /** Categories that do not count. */
        public Builder excludeCategories(String... categories) {
            this.exclude = Set.of(categories);
            return this;
        }

        /** Adds a level. */
        public Builder level(TierLevel level) {
            levels.add(level);
            return this;
        }

        /** Adds a level with threshold and no multiplier. */
        public Builder level(String id, String name, String threshold) {
            return level(TierLevel.of(id, name, threshold));
        }

        /** The policy. */
        public TierPolicy build() {
            return new TierPolicy(metric, window, grace, exclude, levels);
        }
    }
}
