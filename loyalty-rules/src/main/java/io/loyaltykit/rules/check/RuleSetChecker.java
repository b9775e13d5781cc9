package io.loyaltykit.rules.check;

import io.loyaltykit.program.Award;
import io.loyaltykit.program.BirthdayPeriod;
import io.loyaltykit.program.CashOffset;
import io.loyaltykit.program.DateBound;
import io.loyaltykit.program.EarnRule;
import io.loyaltykit.program.Program;
import io.loyaltykit.program.ReferralPolicy;
import io.loyaltykit.program.Reward;
import io.loyaltykit.program.RuleFilter;
import io.loyaltykit.program.TierLevel;
import io.loyaltykit.program.Trigger;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Warnings about a valid program that probably does not do what its author meant: what a merchant wants to know
 * before it goes live. Errors (a program that cannot work) are the loader's and the builder's business; these
 * are logical conflicts:
 * <ul>
 *   <li>{@code shadowed-rate}: a rate rule that never pays, because an earlier rate rule matches every line it
 *       matches (a line earns from the first matching rate rule);</li>
 *   <li>{@code tier-multiplier-falls}: a higher level earning at a lower multiplier than a level below it;</li>
 *   <li>{@code offset-too-generous}: at the best earn rate and multipliers, points spent as cash give back more
 *       of the spend than {@link Options#maxGiveBack()} (10% by default);</li>
 *   <li>{@code cap-below-award}: a cap smaller than a single award, so every award is trimmed;</li>
 *   <li>{@code window-never-open}: a date window that ends before it starts, or days of the week and hours that
 *       never meet inside it;</li>
 *   <li>{@code reward-unreachable}: a reward no member can redeem.</li>
 * </ul>
 *
 * <pre>{@code
 * for (Finding f : RuleSetChecker.check(program)) {
 *     System.out.println(f.path() + " [" + f.ruleId() + "] " + f.message());
 * }
 * }</pre>
 */
public final class RuleSetChecker {
    private static final MathContext MC = MathContext.DECIMAL64;

    /**
     * Thresholds of the checks.
     *
     * @param maxGiveBack the largest share of spend that points may give back as cash before a warning
     */
    public record Options(BigDecimal maxGiveBack) {
        /** The defaults: warn above a 10% give-back. */
        public static Options defaults() {
            return new Options(new BigDecimal("0.10"));
        }
    }

    private final Program program;
    private final Options options;
    private final List<Finding> findings = new ArrayList<>();

    private RuleSetChecker(Program program, Options options) {
        this.program = program;
        this.options = options;
    }

    /** Checks a program with the default options. */
    public static List<Finding> check(Program program) {
        return check(program, Options.defaults());
    }

    /** Checks a program. */
    public static List<Finding> check(Program program, Options options) {
        RuleSetChecker c = new RuleSetChecker(Objects.requireNonNull(program, "program"), options);
        c.shadowedRates();
        c.tierMultipliers();
        c.offsetGiveBack();
        c.caps();
        c.windows();
        c.rewards();
        return List.copyOf(c.findings);
    }

    private void warn(String path, String ruleId, String kind, String message) {
        findings.add(new Finding(path, ruleId, kind, message));
    }

    // ------------------------------------------------------------------ shadowed rate rules

    private void shadowedRates() {
        List<EarnRule> earn = program.earn();
        for (int j = 0; j < earn.size(); j++) {
            EarnRule b = earn.get(j);
            if (!isPurchaseRate(b)) {
                continue;
            }
            for (int i = 0; i < j; i++) {
                EarnRule a = earn.get(i);
                if (isPurchaseRate(a) && covers(a.filter(), b.filter())) {
                    warn("$.earn[" + j + "]", b.id(), "shadowed-rate", "rate rule '" + b.id() + "' never pays: the "
                            + "earlier rate rule '" + a.id() + "' matches every line it matches, and a line earns from "
                            + "the first matching rate rule. Move '" + b.id() + "' above '" + a.id()
                            + "' or narrow '" + a.id() + "'");
                    break;
                }
            }
        }
    }

    private static boolean isPurchaseRate(EarnRule r) {
        return r.on() == Trigger.PURCHASE && r.award() instanceof Award.Rate;
    }

    /** Whether filter {@code a} matches everything {@code b} matches (a sufficient test, never a guess). */
    private boolean covers(RuleFilter a, RuleFilter b) {
        return coversIncluded(a.categories(), b.categories()) && coversExcluded(a.excludeCategories(), b.categories(),
                b.excludeCategories())
                && coversIncluded(a.skus(), b.skus()) && coversExcluded(a.excludeSkus(), b.skus(), b.excludeSkus())
                && coversIncluded(a.tiers(), b.tiers()) && coversIncluded(a.stores(), b.stores())
                && coversIncluded(a.daysOfWeek(), b.daysOfWeek())
                && coversWindow(a, b) && coversHours(a, b) && coversBirthday(a.birthday(), b.birthday())
                && (a.when() == null || b.when() != null && a.when().source().equals(b.when().source())
                && !"<java>".equals(a.when().source()));
    }

    private static <T> boolean coversIncluded(Set<T> a, Set<T> b) {
        return a.isEmpty() || !b.isEmpty() && a.containsAll(b);
    }

    private static boolean coversExcluded(Set<String> aExcluded, Set<String> bIncluded, Set<String> bExcluded) {
        if (aExcluded.isEmpty()) {
            return true;
        }
        if (!bIncluded.isEmpty()) {
            for (String v : bIncluded) {
                if (aExcluded.contains(v) && !bExcluded.contains(v)) {
                    return false;
                }
            }
            return true;
        }
        return bExcluded.containsAll(aExcluded);
    }

    private boolean coversWindow(RuleFilter a, RuleFilter b) {
        boolean from = a.from() == null || b.from() != null && !instant(a.from()).isAfter(instant(b.from()));
        boolean to = a.to() == null || b.to() != null && !instant(b.to()).isAfter(instant(a.to()));
        return from && to;
    }

    private static boolean coversHours(RuleFilter a, RuleFilter b) {
        if (a.hoursFrom() == null) {
            return true;
        }
        if (b.hoursFrom() == null) {
            return false;
        }
        boolean aPlain = a.hoursFrom().isBefore(a.hoursTo());
        boolean bPlain = b.hoursFrom().isBefore(b.hoursTo());
        return aPlain && bPlain && !b.hoursFrom().isBefore(a.hoursFrom()) && !b.hoursTo().isAfter(a.hoursTo());
    }

    private static boolean coversBirthday(BirthdayPeriod a, BirthdayPeriod b) {
        return a == null || a == b || b == BirthdayPeriod.DAY;
    }

    private Instant instant(DateBound d) {
        return d.toInstant(program.zone());
    }

    // ------------------------------------------------------------------ tiers

    private void tierMultipliers() {
        List<TierLevel> levels = program.tiers().levels();
        for (int i = 1; i < levels.size(); i++) {
            BigDecimal prev = multiplierOf(levels.get(i - 1));
            BigDecimal cur = multiplierOf(levels.get(i));
            if (cur.compareTo(prev) < 0) {
                warn("$.tiers.levels[" + i + "].earnMultiplier", levels.get(i).id(), "tier-multiplier-falls",
                        "level '" + levels.get(i).id() + "' earns x" + cur.stripTrailingZeros().toPlainString()
                                + ", less than the level below it, '" + levels.get(i - 1).id() + "' (x"
                                + prev.stripTrailingZeros().toPlainString() + "): members lose by moving up");
            }
        }
    }

    private static BigDecimal multiplierOf(TierLevel l) {
        return l.earnMultiplier() == null ? BigDecimal.ONE : l.earnMultiplier();
    }

    // ------------------------------------------------------------------ offset value vs earn rate

    private void offsetGiveBack() {
        CashOffset o = program.cashOffset();
        if (o == null) {
            return;
        }
        EarnRule best = null;
        BigDecimal bestRate = BigDecimal.ZERO;
        for (EarnRule r : program.earn()) {
            if (r.on() == Trigger.PURCHASE && r.award() instanceof Award.Rate rate && !rate.perUnit()
                    && rate.per().signum() > 0) {
                BigDecimal perUnitOfMoney = rate.points().divide(rate.per(), MC);
                if (perUnitOfMoney.compareTo(bestRate) > 0) {
                    bestRate = perUnitOfMoney;
                    best = r;
                }
            }
        }
        if (best == null) {
            return;
        }
        BigDecimal multiplier = bestMultiplier();
        BigDecimal valuePerPoint = o.value().divide(BigDecimal.valueOf(o.points()), MC);
        BigDecimal giveBack = bestRate.multiply(multiplier, MC).multiply(valuePerPoint, MC);
        if (giveBack.compareTo(options.maxGiveBack()) > 0) {
            warn("$.redeem.cashOffset", null, "offset-too-generous", "at the best earn rate ('" + best.id() + "', "
                    + bestRate.stripTrailingZeros().toPlainString() + " pt per 1 of spend) and the largest multiplier (x"
                    + multiplier.stripTrailingZeros().toPlainString() + "), points spent as cash give back "
                    + percent(giveBack) + " of spend (" + o.points() + " pts = " + o.value().toPlainString()
                    + "), above the " + percent(options.maxGiveBack()) + " this check allows: check it against your "
                    + "margins");
        }
    }

    private BigDecimal bestMultiplier() {
        List<BigDecimal> ms = new ArrayList<>();
        BigDecimal tierMax = BigDecimal.ONE;
        for (TierLevel l : program.tiers().levels()) {
            tierMax = tierMax.max(multiplierOf(l));
        }
        ms.add(tierMax);
        for (EarnRule r : program.earn()) {
            if (r.award() instanceof Award.Multiplier m) {
                ms.add(m.factor());
            }
        }
        BigDecimal out;
        switch (program.multipliers()) {
            case MULTIPLY -> {
                out = BigDecimal.ONE;
                for (BigDecimal m : ms) {
                    out = out.multiply(m.max(BigDecimal.ONE), MC);
                }
            }
            case ADD -> {
                out = BigDecimal.ONE;
                for (BigDecimal m : ms) {
                    out = out.add(m.subtract(BigDecimal.ONE).max(BigDecimal.ZERO));
                }
            }
            default -> {
                out = BigDecimal.ONE;
                for (BigDecimal m : ms) {
                    out = out.max(m);
                }
            }
        }
        return out;
    }

    private static String percent(BigDecimal share) {
        return share.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString() + "%";
    }

    // ------------------------------------------------------------------ caps

    private void caps() {
        List<EarnRule> earn = program.earn();
        for (int i = 0; i < earn.size(); i++) {
            EarnRule r = earn.get(i);
            if (r.cap() == null) {
                continue;
            }
            long single = 0;
            if (r.award() instanceof Award.Fixed f) {
                single = f.points();
            } else if (r.award() instanceof Award.Streak s) {
                single = s.start();
            } else if (r.award() instanceof Award.Bonus b) {
                single = b.steps().stream().mapToLong(Award.Bonus.Step::points).filter(p -> p > 0).min().orElse(0);
            }
            if (single > 0 && r.cap().points() < single) {
                warn("$.earn[" + i + "].cap.points", r.id(), "cap-below-award", "cap of " + r.cap().points()
                        + " points is below a single award of " + single + ": every award of '" + r.id()
                        + "' will be trimmed");
            }
        }
        ReferralPolicy ref = program.referral();
        if (ref != null && ref.cap() != null) {
            for (int i = 0; i < ref.levels().size(); i++) {
                Long pts = ref.levels().get(i).points();
                if (pts != null && pts > ref.cap().points()) {
                    warn("$.referral.cap.points", ReferralPolicy.RULE_ID, "cap-below-award", "cap of "
                            + ref.cap().points() + " points is below the " + pts + " points level " + (i + 1)
                            + " pays: every such award will be trimmed");
                }
            }
        }
    }

    // ------------------------------------------------------------------ windows

    private void windows() {
        List<EarnRule> earn = program.earn();
        for (int i = 0; i < earn.size(); i++) {
            RuleFilter f = earn.get(i).filter();
            String path = "$.earn[" + i + "]";
            if (f.from() != null && f.to() != null) {
                Instant from = instant(f.from());
                Instant to = instant(f.to());
                if (!from.isBefore(to)) {
                    warn(path + ".to", earn.get(i).id(), "window-never-open", "the window ends (" + f.to()
                            + ") before it starts (" + f.from() + "): the rule never applies");
                } else if ((!f.daysOfWeek().isEmpty() || f.hoursFrom() != null) && neverMeets(f, from, to)) {
                    warn(path, earn.get(i).id(), "window-never-open", "between " + f.from() + " and " + f.to()
                            + " there is no moment on " + (f.daysOfWeek().isEmpty() ? "any day" : f.daysOfWeek())
                            + (f.hoursFrom() == null ? "" : " between " + f.hoursFrom() + " and " + f.hoursTo())
                            + ": the rule never applies");
                }
            }
        }
    }

    /** Steps through a short window minute by minute; windows of a week or more always meet their days. */
    private boolean neverMeets(RuleFilter f, Instant from, Instant to) {
        if (to.isAfter(from.plusSeconds(8L * 86400)) && f.hoursFrom() == null) {
            return false;
        }
        Instant end = to.isAfter(from.plusSeconds(8L * 86400)) ? from.plusSeconds(8L * 86400) : to;
        for (Instant t = from; t.isBefore(end); t = t.plusSeconds(60)) {
            ZonedDateTime z = t.atZone(program.zone());
            if (!f.daysOfWeek().isEmpty() && !f.daysOfWeek().contains(z.getDayOfWeek())) {
                continue;
            }
            if (f.hoursFrom() != null && !insideHours(z.toLocalTime(), f.hoursFrom(), f.hoursTo())) {
                continue;
            }
            return false;
        }
        return true;
    }

    private static boolean insideHours(LocalTime t, LocalTime from, LocalTime to) {
        return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
    }

    // ------------------------------------------------------------------ rewards

    private void rewards() {
        List<Reward> rewards = program.rewards();
        for (int i = 0; i < rewards.size(); i++) {
            Reward r = rewards.get(i);
            if (r.stock() != null && r.stock() == 0) {
                warn("$.redeem.rewards[" + i + "].stock", r.id(), "reward-unreachable", "reward '" + r.id()
                        + "' has no stock: no member can redeem it");
            }
        }
    }
}
