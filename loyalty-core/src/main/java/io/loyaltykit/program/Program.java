package io.loyaltykit.program;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A validated, immutable loyalty program: the one thing both front doors (this builder and the program
 * file loader) produce. Constructing one runs every check and throws {@link InvalidProgramException}
 * listing all problems, each with the JSON path it has in the file form.
 *
 * <pre>{@code
 * Program program = Program.builder("lotus-salon").name("莲花美发").currency("CNY").zone("Asia/Shanghai")
 *     .points(PointsPolicy.builder().pending("P7D").expiry(Expiry.after("P12M").roundUpTo(Expiry.RoundUp.MONTH)))
 *     .tiers(TierPolicy.on(TierPolicy.Metric.SPEND).window("P12M").grace("P30D")
 *         .level("regular", "普通会员", "0")
 *         .level(TierLevel.of("silver", "银卡会员", "3000.00").earnMultiplier("1.2")))
 *     .earn(Earn.rate("base").points(1).per("1.00"))
 *     .earn(Earn.onEnroll("welcome").points(100))
 *     .cashOffset(CashOffset.of(100, "1.00").maxShare("0.5").step(100))
 *     .build();
 * }</pre>
 *
 * @param id          program id, {@code [a-z0-9-]+}
 * @param name        display name
 * @param currency    the currency of every amount
 * @param zone        the timezone of every calendar rule
 * @param points      points accounting
 * @param tiers       levels
 * @param earn        earning rules, in order
 * @param multipliers how multipliers combine
 * @param cashOffset  the cash offset, or null
 * @param rewards     the reward catalog
 * @param referral    referral rewards, or null
 * @param storedValue stored value, or null
 * @param packages    count-card packages
 * @param walkInClaimWithin how long walk-in points can be claimed, or null when walk-ins earn nothing
 */
public record Program(String id, String name, Currency currency, ZoneId zone, PointsPolicy points,
                      TierPolicy tiers, List<EarnRule> earn, Combine multipliers, CashOffset cashOffset,
                      List<Reward> rewards, ReferralPolicy referral, StoredValuePolicy storedValue,
                      List<PackageDef> packages, Span walkInClaimWithin) {

    /** Fills defaults, copies lists and checks everything; throws {@link InvalidProgramException}. */
    public Program {
        points = points == null ? PointsPolicy.DEFAULTS : points;
        tiers = tiers == null ? TierPolicy.NONE : tiers;
        earn = earn == null ? List.of() : List.copyOf(earn);
        multipliers = multipliers == null ? Combine.MAX : multipliers;
        rewards = rewards == null ? List.of() : List.copyOf(rewards);
        packages = packages == null ? List.of() : List.copyOf(packages);
        List<ProgramProblem> problems = ProgramChecks.check(id, name, currency, zone, tiers, earn, cashOffset, rewards,
                referral, storedValue, packages);
        if (!problems.isEmpty()) {
            throw new InvalidProgramException(problems);
        }
    }

    /** A builder for a program with this id. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** The reward with this id, or null. */
    public Reward reward(String rewardId) {
        for (Reward r : rewards) {
            if (r.id().equals(rewardId)) {
                return r;
            }
        }
        return null;
    }

    /** The package with this id, or null. */
    public PackageDef pkg(String packageId) {
        for (PackageDef p : packages) {
            if (p.id().equals(packageId)) {
                return p;
            }
        }
        return null;
    }

    /** Packages by the sku that sells them. */
    public Map<String, PackageDef> packagesBySku() {
        return packages.stream().collect(Collectors.toMap(PackageDef::sku, Function.identity()));
    }

    /** The currency's minor-unit scale. */
    public int moneyScale() {
        return Math.max(0, currency.getDefaultFractionDigits());
    }

    /**
     * Builds a {@link Program}. Each single-valued setting may be given once: a second, different value
     * fails at once rather than silently replacing the first.
     */
    public static final class Builder {
        private final String id;
        private String name;
        private Currency currency;
        private ZoneId zone;
        private PointsPolicy points;
        private TierPolicy tiers;
        private final List<EarnRule> earn = new ArrayList<>();
        private Combine multipliers;
        private CashOffset cashOffset;
        private final List<Reward> rewards = new ArrayList<>();
        private ReferralPolicy referral;
        private StoredValuePolicy storedValue;
        private final List<PackageDef> packages = new ArrayList<>();
        private Span walkIns;

        private Builder(String id) {
            this.id = id;
        }

        private static <T> T once(String what, T current, T value) {
            Objects.requireNonNull(value, what);
            if (current != null && !current.equals(value)) {
                throw new IllegalStateException(what + " was already set to " + current + "; cannot also set " + value);
            }
            return value;
        }

        /** Display name. */
        public Builder name(String name) {
            this.name = once("name", this.name, name);
            return this;
        }

        /** ISO 4217 currency code. */
        public Builder currency(String code) {
            this.currency = once("currency", this.currency, Currency.getInstance(code));
            return this;
        }

        /** IANA timezone. */
        public Builder zone(String zoneId) {
            this.zone = once("zone", this.zone, ZoneId.of(zoneId));
            return this;
        }

        /** Points accounting. */
        public Builder points(PointsPolicy policy) {
            this.points = once("points", this.points, policy);
            return this;
        }

        /** Points accounting. */
        public Builder points(PointsPolicy.Builder policy) {
            return points(policy.build());
        }

        /** Levels. */
        public Builder tiers(TierPolicy policy) {
            this.tiers = once("tiers", this.tiers, policy);
            return this;
        }

        /** Levels. */
        public Builder tiers(TierPolicy.Builder policy) {
            return tiers(policy.build());
        }

        /** Adds an earning rule (order matters for rate rules). */
        public Builder earn(EarnRule rule) {
            earn.add(rule);
            return this;
        }

        /** Adds an earning rule. */
        public Builder earn(EarnRule.Builder rule) {
            return earn(rule.build());
        }

        /** How multipliers combine. */
        public Builder multipliers(Combine combine) {
            this.multipliers = once("multipliers", this.multipliers, combine);
            return this;
        }

        /** The cash offset. */
        public Builder cashOffset(CashOffset offset) {
            this.cashOffset = once("cashOffset", this.cashOffset, offset);
            return this;
        }

        /** Adds a reward. */
        public Builder reward(Reward reward) {
            rewards.add(reward);
            return this;
        }

        /** Referral rewards. */
        public Builder referral(ReferralPolicy policy) {
            this.referral = once("referral", this.referral, policy);
            return this;
        }

        /** Referral rewards. */
        public Builder referral(ReferralPolicy.Builder policy) {
            return referral(policy.build());
        }

        /** Stored value. */
        public Builder storedValue(StoredValuePolicy policy) {
            this.storedValue = once("storedValue", this.storedValue, policy);
            return this;
        }

        /** Stored value. */
        public Builder storedValue(StoredValuePolicy.Builder policy) {
            return storedValue(policy.build());
        }

        /** Adds a package. */
        public Builder pkg(PackageDef def) {
            packages.add(def);
            return this;
        }

        /** Walk-in purchases earn points claimable on enrolment within this span. */
        public Builder walkIns(String claimWithin) {
            this.walkIns = once("walkIns", this.walkIns, Span.parse(claimWithin));
            return this;
        }

        /** The program; throws {@link InvalidProgramException} listing every problem. */
        public Program build() {
            return new Program(id, name == null ? id : name, currency, zone, points, tiers, earn, multipliers,
                    cashOffset, rewards, referral, storedValue, packages, walkIns);
        }
    }

    /** Convenience for amounts in checks. */
    static boolean positive(BigDecimal d) {
        return d != null && d.signum() > 0;
    }
}
