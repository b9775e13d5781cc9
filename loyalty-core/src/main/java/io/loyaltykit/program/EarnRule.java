package io.loyaltykit.program;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One earning rule: an id, the event it listens to, what it pays, its filters and an optional cap.
 * Build one with {@link Earn}.
 *
 * <table>
 * <caption>fluent API and file form side by side</caption>
 * <tr><td>{@code Earn.rate("base").points(1).per("1.00")}</td>
 *     <td>{@code {"id": "base", "on": "purchase", "rate": {"points": 1, "per": "1.00"}}}</td></tr>
 * <tr><td>{@code Earn.multiplier("bday", "2").birthday(BirthdayPeriod.MONTH)}</td>
 *     <td>{@code {"id": "bday", "on": "purchase", "birthday": "month", "multiplier": 2}}</td></tr>
 * <tr><td>{@code Earn.bonus("big").step("500.00", 50)}</td>
 *     <td>{@code {"id": "big", "on": "purchase", "bonus": [{"atLeast": "500.00", "points": 50}]}}</td></tr>
 * <tr><td>{@code Earn.onEnroll("welcome").points(100)}</td>
 *     <td>{@code {"id": "welcome", "on": "enroll", "points": 100}}</td></tr>
 * <tr><td>{@code Earn.onCheckIn("daily").streak(5, 5, 30, 7)}</td>
 *     <td>{@code {"id": "daily", "on": "checkin", "streak": {"start": 5, "step": 5, "max": 30, "cycle": 7}}}</td></tr>
 * <tr><td>{@code Earn.onEvent("review", "review_posted").points(20).cap(20, CalendarUnit.MONTH)}</td>
 *     <td>{@code {"id": "review", "on": "event:review_posted", "points": 20, "cap": {"points": 20, "per": "month"}}}</td></tr>
 * </table>
 *
 * @param id        unique rule id
 * @param on        the event it listens to
 * @param eventName for {@link Trigger#EVENT}, the custom event's name; else null
 * @param award     what it pays
 * @param filter    its filters
 * @param cap       its cap, or null
 */
public record EarnRule(String id, Trigger on, String eventName, Award award, RuleFilter filter, Cap cap) {

    /** Defaults a null filter to {@link RuleFilter#ANY}. */
    public EarnRule {
        filter = filter == null ? RuleFilter.ANY : filter;
    }

    /** True for rules evaluated per purchase line (rate, multiplier, bonus). */
    public boolean isLineRule() {
        return on == Trigger.PURCHASE;
    }

    /** The spec's spelling of {@code on}. */
    public String onText() {
        return on == Trigger.EVENT ? "event:" + eventName : on.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Builds an {@link EarnRule}; start from {@link Earn}. */
    public static final class Builder {
        private final String id;
        private final Trigger on;
        private final String eventName;
        private Award award;
        private BigDecimal ratePoints;
        private Long fixedPoints;
        private BigDecimal per;
        private boolean perUnit;
        private final List<Award.Bonus.Step> steps = new ArrayList<>();
        private Set<String> categories;
        private Set<String> excludeCategories;
        private Set<String> skus;
        private Set<String> excludeSkus;
        private Set<String> tiers;
        private Set<String> stores;
        private DateBound from;
        private DateBound to;
        private Set<DayOfWeek> days;
        private LocalTime hoursFrom;
        private LocalTime hoursTo;
        private BirthdayPeriod birthday;
        private Condition when;
        private Cap cap;

        Builder(String id, Trigger on, String eventName) {
            this.id = Objects.requireNonNull(id, "id");
            this.on = on;
            this.eventName = eventName;
        }

        Builder award(Award award) {
            this.award = award;
            return this;
        }

        /** Points paid: per amount or unit on a rate rule, fixed on enrol/top-up/check-in/custom events. */
        public Builder points(long points) {
            this.ratePoints = BigDecimal.valueOf(points);
            this.fixedPoints = points;
            return this;
        }

        /** Fractional points per amount or unit, on rate rules. */
        public Builder points(String points) {
            this.ratePoints = new BigDecimal(points);
            return this;
        }

        /** The amount per which a rate pays, e.g. {@code "1.00"}. */
        public Builder per(String amount) {
            this.per = new BigDecimal(amount);
            return this;
        }

        /** A rate paid per unit of quantity. */
        public Builder perUnit() {
            this.perUnit = true;
            return this;
        }

        /** Adds a bonus step. */
        public Builder step(String atLeast, long points) {
            steps.add(new Award.Bonus.Step(new BigDecimal(atLeast), points));
            return this;
        }

        /** A check-in streak. */
        public Builder streak(long start, long step, long max, int cycle) {
            this.award = new Award.Streak(start, step, max, cycle);
            return this;
        }

        /** Only lines of these categories. */
        public Builder categories(String... c) {
            this.categories = new LinkedHashSet<>(Arrays.asList(c));
            return this;
        }

        /** Not lines of these categories. */
        public Builder excludeCategories(String... c) {
            this.excludeCategories = new LinkedHashSet<>(Arrays.asList(c));
            return this;
        }

        /** Only these skus. */
        public Builder skus(String... s) {
            this.skus = new LinkedHashSet<>(Arrays.asList(s));
            return this;
        }

        /** Not these skus. */
        public Builder excludeSkus(String... s) {
            this.excludeSkus = new LinkedHashSet<>(Arrays.asList(s));
            return this;
        }

        /** Only members at these levels. */
        public Builder tiers(String... t) {
            this.tiers = new LinkedHashSet<>(Arrays.asList(t));
            return this;
        }

        /** Only these stores. */
        public Builder stores(String... s) {
            this.stores = new LinkedHashSet<>(Arrays.asList(s));
            return this;
        }

        /** Active from (inclusive): a date or date-time. */
        public Builder from(String bound) {
            this.from = DateBound.parse(bound);
            return this;
        }

        /** Active until (exclusive): a date or date-time. */
        public Builder to(String bound) {
            this.to = DateBound.parse(bound);
            return this;
        }

        /** Only on these days. */
        public Builder daysOfWeek(DayOfWeek... d) {
            this.days = Set.of(d);
            return this;
        }

        /** Only between these hours, e.g. {@code "10:00", "14:00"} (end exclusive). */
        public Builder hours(String from, String to) {
            this.hoursFrom = LocalTime.parse(from);
            this.hoursTo = LocalTime.parse(to);
            return this;
        }

        /** Only in the member's birthday period. */
        public Builder birthday(BirthdayPeriod period) {
            this.birthday = period;
            return this;
        }

        /** Only when the condition holds. */
        public Builder when(Condition condition) {
            this.when = condition;
            return this;
        }

        /** Caps what the rule awards a member per period. */
        public Builder cap(long points, CalendarUnit per) {
            this.cap = new Cap(points, per);
            return this;
        }

        /** The rule (checked as part of the program it joins). */
        public EarnRule build() {
            Award a = award;
            if (a == null) {
                if (!steps.isEmpty()) {
                    a = new Award.Bonus(steps);
                } else if (per != null || perUnit) {
                    a = new Award.Rate(ratePoints == null ? BigDecimal.ZERO : ratePoints, per);
                } else if (fixedPoints != null) {
                    a = new Award.Fixed(fixedPoints);
                } else {
                    throw new IllegalStateException("rule " + id + " pays nothing: give points and per, a multiplier, steps or a streak");
                }
            }
            RuleFilter f = new RuleFilter(categories, excludeCategories, skus, excludeSkus, tiers, stores, from, to,
                    days, hoursFrom, hoursTo, birthday, when);
            return new EarnRule(id, on, eventName, a, f, cap);
        }
    }
}
