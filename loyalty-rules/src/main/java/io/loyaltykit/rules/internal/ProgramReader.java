package io.loyaltykit.rules.internal;

import io.loyaltykit.program.BirthdayPeriod;
import io.loyaltykit.program.CalendarUnit;
import io.loyaltykit.program.CashOffset;
import io.loyaltykit.program.Combine;
import io.loyaltykit.program.DateBound;
import io.loyaltykit.program.Earn;
import io.loyaltykit.program.EarnRule;
import io.loyaltykit.program.Expiry;
import io.loyaltykit.program.InvalidProgramException;
import io.loyaltykit.program.PackageDef;
import io.loyaltykit.program.PointsPolicy;
import io.loyaltykit.program.Program;
import io.loyaltykit.program.ProgramProblem;
import io.loyaltykit.program.ReferralPolicy;
import io.loyaltykit.program.ReturnsPolicy;
import io.loyaltykit.program.Reward;
import io.loyaltykit.program.Rounding;
import io.loyaltykit.program.RoundingScope;
import io.loyaltykit.program.Span;
import io.loyaltykit.program.SpendOrder;
import io.loyaltykit.program.StoredValuePolicy;
import io.loyaltykit.program.TierLevel;
import io.loyaltykit.program.TierPolicy;
import io.loyaltykit.rules.mvel.ConditionException;
import io.loyaltykit.rules.mvel.MvelConditions;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns a located tree into a {@link Program} through the same builders the fluent API uses, collecting every
 * problem instead of stopping at the first. The file format's names map one to one onto builder calls.
 */
public final class ProgramReader {
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    /** A problem before it is given a file location. */
    public record Problem(String path, String ruleId, String message, int line, int column) {
    }

    private final Node root;
    private final List<Problem> problems = new ArrayList<>();
    private Map<String, Node> index;

    private ProgramReader(Node root) {
        this.root = root;
    }

    /** The outcome: a program, or the problems that stopped it. */
    public record Outcome(Program program, List<Problem> problems) {
    }

    /** Reads a parsed program file. */
    public static Outcome read(Node root) {
        ProgramReader r = new ProgramReader(root);
        Program p = r.program();
        return new Outcome(r.problems.isEmpty() ? p : null, List.copyOf(r.problems));
    }

    // ---------------------------------------------------------------- top level

    private Program program() {
        if (!expectObject(root, "$.program", "$.name", "$.currency", "$.timezone", "$.points", "$.tiers", "$.earn",
                "$.multipliers", "$.redeem", "$.referral", "$.storedValue", "$.packages", "$.walkIns", "$.$schema")) {
            return null;
        }
        String id = string(root, "program", true);
        Program.Builder b = Program.builder(id);
        String name = string(root, "name", false);
        if (name != null) {
            b.name(name);
        }
        String currency = string(root, "currency", false);
        if (currency != null) {
            guard(root.get("currency"), null, () -> b.currency(currency), e -> "unknown currency '" + currency
                    + "': use an ISO 4217 code such as CNY");
        }
        String zone = string(root, "timezone", false);
        if (zone != null) {
            guard(root.get("timezone"), null, () -> b.zone(zone), e -> "unknown timezone '" + zone
                    + "': use an IANA zone such as Asia/Shanghai");
        }
        Node points = root.get("points");
        if (points != null) {
            PointsPolicy policy = points(points);
            if (policy != null) {
                b.points(policy);
            }
        }
        Node tiers = root.get("tiers");
        if (tiers != null) {
            TierPolicy policy = tiers(tiers);
            if (policy != null) {
                b.tiers(policy);
            }
        }
        Node earn = root.get("earn");
        if (earn != null && expectArray(earn)) {
            for (Node rule : earn.items()) {
                EarnRule r = rule(rule);
                if (r != null) {
                    b.earn(r);
                }
            }
        }
        Combine mult = choiceOf(root, "multipliers", Map.of("max", Combine.MAX, "multiply", Combine.MULTIPLY, "add",
                Combine.ADD));
        if (mult != null) {
            b.multipliers(mult);
        }
        Node redeem = root.get("redeem");
        if (redeem != null && expectObject(redeem, "cashOffset", "rewards")) {
            Node offset = redeem.get("cashOffset");
            if (offset != null) {
                CashOffset o = cashOffset(offset);
                if (o != null) {
                    b.cashOffset(o);
                }
            }
            Node rewards = redeem.get("rewards");
            if (rewards != null && expectArray(rewards)) {
                for (Node rw : rewards.items()) {
                    Reward r = reward(rw);
                    if (r != null) {
                        b.reward(r);
                    }
                }
            }
        }
        Node referral = root.get("referral");
        if (referral != null) {
            ReferralPolicy r = referral(referral);
            if (r != null) {
                b.referral(r);
            }
        }
        Node sv = root.get("storedValue");
        if (sv != null) {
            StoredValuePolicy s = storedValue(sv);
            if (s != null) {
                b.storedValue(s);
            }
        }
        Node packages = root.get("packages");
        if (packages != null && expectArray(packages)) {
            for (Node pkg : packages.items()) {
                PackageDef d = pkg(pkg);
                if (d != null) {
                    b.pkg(d);
                }
            }
        }
        Node walkIns = root.get("walkIns");
        if (walkIns != null && expectObject(walkIns, "claimWithin")) {
            String within = span(walkIns, "claimWithin", true);
            if (within != null) {
                b.walkIns(within);
            }
        }
        try {
            return b.build();
        } catch (InvalidProgramException e) {
            for (ProgramProblem p : e.problems()) {
                if (!coveredByEarlierProblem(p.path())) {
                    Node at = locate(p.path());
                    problems.add(new Problem(p.path(), p.ruleId() != null ? p.ruleId() : ruleIdOf(p.path()),
                            p.message(), at.line(), at.column()));
                }
            }
            return null;
        } catch (RuntimeException e) {
            if (problems.isEmpty()) {
                problems.add(new Problem("$", null, e.getMessage(), root.line(), root.column()));
            }
            return null;
        }
    }

    // ---------------------------------------------------------------- sections

    private PointsPolicy points(Node n) {
        if (!expectObject(n, "rounding", "roundingScope", "pending", "expiry", "spendOrder", "returns", "earnOn")) {
            return null;
        }
        PointsPolicy.Builder b = PointsPolicy.builder();
        Rounding rounding = choiceOf(n, "rounding", Map.of("floor", Rounding.FLOOR, "half_up", Rounding.HALF_UP,
                "half_even", Rounding.HALF_EVEN, "ceiling", Rounding.CEILING));
        if (rounding != null) {
            b.rounding(rounding);
        }
        RoundingScope scope = choiceOf(n, "roundingScope", Map.of("transaction", RoundingScope.TRANSACTION, "rule",
                RoundingScope.RULE));
        if (scope != null) {
            b.roundingScope(scope);
        }
        String pending = span(n, "pending", false);
        if (pending != null) {
            b.pending(pending);
        }
        Node expiry = n.get("expiry");
        if (expiry != null && expectObject(expiry, "never", "after", "roundUpTo")) {
            Node never = expiry.get("never");
            String after = span(expiry, "after", false);
            Expiry.RoundUp up = choiceOf(expiry, "roundUpTo", Map.of("month", Expiry.RoundUp.MONTH, "year",
                    Expiry.RoundUp.YEAR));
            if (never != null) {
                if (never.kind() != Node.Kind.BOOLEAN || !never.bool()) {
                    problem(never, "write {\"never\": true}, or {\"after\": \"P12M\"}");
                } else if (expiry.get("after") != null || expiry.get("roundUpTo") != null) {
                    problem(expiry, "expiry is either never or after a period, not both");
                } else {
                    b.expiry(Expiry.NEVER);
                }
            } else if (after != null) {
                Expiry e = Expiry.after(after);
                b.expiry(up == null ? e : e.roundUpTo(up));
            } else if (expiry.get("after") == null) {
                if (up != null) {
                    problem(expiry, "roundUpTo needs 'after'");
                } else {
                    problem(expiry, "expiry needs {\"never\": true} or 'after'");
                }
            }
        }
        SpendOrder order = choiceOf(n, "spendOrder", Map.of("soonest_expiring", SpendOrder.SOONEST_EXPIRING, "fifo",
                SpendOrder.FIFO));
        if (order != null) {
            b.spendOrder(order);
        }
        ReturnsPolicy returns = choiceOf(n, "returns", Map.of("only_pending", ReturnsPolicy.ONLY_PENDING,
                "within_balance", ReturnsPolicy.WITHIN_BALANCE, "allow_negative", ReturnsPolicy.ALLOW_NEGATIVE));
        if (returns != null) {
            b.returns(returns);
        }
        Node earnOn = n.get("earnOn");
        if (earnOn != null && expectObject(earnOn, "excludeTenders")) {
            List<String> tenders = strings(earnOn, "excludeTenders");
            if (tenders != null) {
                b.excludeTenders(tenders.toArray(String[]::new));
            }
        }
        return guarded(n, null, b::build);
    }

    private TierPolicy tiers(Node n) {
        if (!expectObject(n, "metric", "window", "downgrade", "excludeCategories", "levels")) {
            return null;
        }
        TierPolicy.Metric metric = choiceOf(n, "metric", Map.of("spend", TierPolicy.Metric.SPEND, "points_earned",
                TierPolicy.Metric.POINTS_EARNED, "visits", TierPolicy.Metric.VISITS));
        if (n.get("metric") == null) {
            problem(n, "'metric' is required: spend, points_earned or visits", "$.tiers.metric");
        }
        TierPolicy.Builder b = TierPolicy.on(metric == null ? TierPolicy.Metric.SPEND : metric);
        Node window = n.get("window");
        if (window != null) {
            if (window.isString() && "lifetime".equals(window.text())) {
                b.window("lifetime");
            } else {
                String w = span(n, "window", false);
                if (w != null) {
                    b.window(w);
                }
            }
        } else {
            problem(n, "'window' is required: a period such as \"P12M\", or \"lifetime\"", "$.tiers.window");
        }
        Node down = n.get("downgrade");
        if (down != null) {
            if (down.isString() && "never".equals(down.text())) {
                b.neverDowngrade();
            } else if (expectObject(down, "grace")) {
                String grace = span(down, "grace", true);
                if (grace != null) {
                    b.grace(grace);
                }
            }
        }
        List<String> excluded = strings(n, "excludeCategories");
        if (excluded != null) {
            b.excludeCategories(excluded.toArray(String[]::new));
        }
        Node levels = n.get("levels");
        if (levels == null) {
            problem(n, "'levels' is required", "$.tiers.levels");
        } else if (expectArray(levels)) {
            for (Node l : levels.items()) {
                TierLevel level = level(l);
                if (level != null) {
                    b.level(level);
                }
            }
        }
        return guarded(n, null, b::build);
    }

    private TierLevel level(Node n) {
        if (!expectObject(n, "id", "name", "threshold", "earnMultiplier", "discounts")) {
            return null;
        }
        String id = string(n, "id", true);
        String name = string(n, "name", false);
        BigDecimal threshold = amount(n, "threshold", true);
        if (id == null || threshold == null) {
            return null;
        }
        TierLevel level = TierLevel.of(id, name == null ? id : name, threshold.toPlainString());
        BigDecimal mult = ratio(n, "earnMultiplier");
        if (mult != null) {
            level = level.earnMultiplier(mult.toPlainString());
        }
        Node discounts = n.get("discounts");
        if (discounts != null && expectArray(discounts)) {
            for (Node d : discounts.items()) {
                if (!expectObject(d, "categories", "rate")) {
                    continue;
                }
                List<String> cats = strings(d, "categories");
                BigDecimal rate = ratio(d, "rate");
                if (rate == null) {
                    if (d.get("rate") == null) {
                        problem(d, "'rate' is required, e.g. 0.95 for 5% off", d.path() + ".rate");
                    }
                    continue;
                }
                level = level.discount(rate.toPlainString(), cats == null ? new String[0] : cats.toArray(String[]::new));
            }
        }
        return level;
    }

    private EarnRule rule(Node n) {
        if (!expectObject(n, "id", "on", "rate", "multiplier", "bonus", "points", "streak", "categories",
                "excludeCategories", "skus", "excludeSkus", "tiers", "stores", "from", "to", "daysOfWeek", "hours",
                "birthday", "when", "cap")) {
            return null;
        }
        String id = string(n, "id", true);
        String on = string(n, "on", true);
        if (id == null || on == null) {
            return null;
        }
        List<String> kinds = new ArrayList<>();
        for (String k : List.of("rate", "multiplier", "bonus", "points", "streak")) {
            if (n.get(k) != null) {
                kinds.add(k);
            }
        }
        if (kinds.isEmpty()) {
            problem(n, "the rule pays nothing: give rate, multiplier, bonus, points or streak");
            return null;
        }
        if (kinds.size() > 1) {
            problem(n.get(kinds.get(1)), "a rule pays one way; this one has " + String.join(" and ", kinds)
                    + ": split it into two rules");
            return null;
        }
        String kind = kinds.get(0);
        EarnRule.Builder b;
        boolean purchase = "purchase".equals(on);
        switch (on) {
            case "purchase" -> b = null;
            case "enroll" -> b = Earn.onEnroll(id);
            case "topup" -> b = Earn.onTopUp(id);
            case "checkin" -> b = Earn.onCheckIn(id);
            default -> {
                if (on.startsWith("event:") && on.length() > "event:".length()) {
                    b = Earn.onEvent(id, on.substring("event:".length()));
                } else {
                    problem(n.get("on"), "'on' must be purchase, enroll, topup, checkin or event:NAME, got '" + on + "'");
                    return null;
                }
            }
        }
        int before = problems.size();
        switch (kind) {
            case "rate" -> {
                Node rate = n.get("rate");
                if (b == null) {
                    b = Earn.rate(id);
                }
                if (expectObject(rate, "points", "per")) {
                    BigDecimal pts = ratio(rate, "points");
                    if (pts == null && rate.get("points") == null) {
                        problem(rate, "'points' is required", rate.path() + ".points");
                    }
                    Node per = rate.get("per");
                    if (per == null) {
                        problem(rate, "'per' is required: an amount such as \"1.00\", or \"unit\"", rate.path() + ".per");
                    } else if (per.isString() && "unit".equals(per.text())) {
                        b.perUnit();
                    } else {
                        BigDecimal amount = amount(rate, "per", true);
                        if (amount != null) {
                            b.per(amount.toPlainString());
                        }
                    }
                    if (pts != null) {
                        b.points(pts.toPlainString());
                    }
                }
            }
            case "multiplier" -> {
                BigDecimal factor = ratio(n, "multiplier");
                if (factor != null) {
                    if (!purchase) {
                        problem(n.get("multiplier"), "a multiplier applies on purchase only");
                    } else {
                        b = Earn.multiplier(id, factor.toPlainString());
                    }
                }
            }
            case "bonus" -> {
                if (b == null) {
                    b = Earn.bonus(id);
                }
                Node steps = n.get("bonus");
                if (expectArray(steps)) {
                    for (Node s : steps.items()) {
                        if (expectObject(s, "atLeast", "points")) {
                            BigDecimal atLeast = amount(s, "atLeast", true);
                            Long pts = integer(s, "points", true);
                            if (atLeast != null && pts != null) {
                                b.step(atLeast.toPlainString(), pts);
                            }
                        }
                    }
                    if (steps.items().isEmpty()) {
                        problem(steps, "a bonus needs at least one step");
                    }
                }
            }
            case "points" -> {
                if (b == null) {
                    b = Earn.rate(id);
                }
                Long pts = integer(n, "points", true);
                if (pts != null) {
                    b.points(pts);
                }
            }
            case "streak" -> {
                if (b == null) {
                    b = Earn.rate(id);
                }
                Node s = n.get("streak");
                if (expectObject(s, "start", "step", "max", "cycle")) {
                    Long start = integer(s, "start", true);
                    Long step = integer(s, "step", true);
                    Long max = integer(s, "max", true);
                    Long cycle = integer(s, "cycle", false);
                    if (start != null && step != null && max != null) {
                        if (cycle != null && cycle > Integer.MAX_VALUE) {
                            problem(s.get("cycle"), "cycle is too large");
                        } else {
                            b.streak(start, step, max, cycle == null ? 0 : cycle.intValue());
                        }
                    }
                }
            }
            default -> throw new IllegalStateException(kind);
        }
        if (b == null || problems.size() > before) {
            return null;
        }
        filters(n, b, id, purchase);
        if (problems.size() > before) {
            return null;
        }
        EarnRule.Builder built = b;
        return guarded(n, id, built::build);
    }

    private void filters(Node n, EarnRule.Builder b, String id, boolean purchase) {
        List<String> v;
        if ((v = strings(n, "categories")) != null) {
            b.categories(v.toArray(String[]::new));
        }
        if ((v = strings(n, "excludeCategories")) != null) {
            b.excludeCategories(v.toArray(String[]::new));
        }
        if ((v = strings(n, "skus")) != null) {
            b.skus(v.toArray(String[]::new));
        }
        if ((v = strings(n, "excludeSkus")) != null) {
            b.excludeSkus(v.toArray(String[]::new));
        }
        if ((v = strings(n, "tiers")) != null) {
            b.tiers(v.toArray(String[]::new));
        }
        if ((v = strings(n, "stores")) != null) {
            b.stores(v.toArray(String[]::new));
        }
        String from = dateBound(n, "from");
        if (from != null) {
            b.from(from);
        }
        String to = dateBound(n, "to");
        if (to != null) {
            b.to(to);
        }
        if ((v = strings(n, "daysOfWeek")) != null) {
            List<DayOfWeek> days = new ArrayList<>();
            Node list = n.get("daysOfWeek");
            for (int i = 0; i < v.size(); i++) {
                try {
                    days.add(DayOfWeek.valueOf(v.get(i).toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    problem(list.items().get(i), "unknown day '" + v.get(i) + "': use MONDAY ... SUNDAY");
                }
            }
            b.daysOfWeek(days.toArray(DayOfWeek[]::new));
        }
        Node hours = n.get("hours");
        if (hours != null && expectObject(hours, "from", "to")) {
            LocalTime hFrom = time(hours, "from");
            LocalTime hTo = time(hours, "to");
            if (hFrom != null && hTo != null) {
                if (hFrom.equals(hTo)) {
                    problem(hours, "hours 'from' and 'to' are both " + hFrom + ": the window is empty (a window past "
                            + "midnight is written from 22:00 to 02:00)");
                } else {
                    b.hours(hFrom.toString(), hTo.toString());
                }
            }
        }
        BirthdayPeriod birthday = choiceOf(n, "birthday", Map.of("day", BirthdayPeriod.DAY, "week", BirthdayPeriod.WEEK,
                "month", BirthdayPeriod.MONTH));
        if (birthday != null) {
            b.birthday(birthday);
        }
        Node when = n.get("when");
        if (when != null) {
            if (!when.isString() || when.text().isBlank()) {
                problem(when, "'when' must be an MVEL condition in a string, got " + when.describe());
            } else {
                try {
                    b.when(MvelConditions.compile(id, when.text(), purchase));
                } catch (ConditionException e) {
                    int col = when.column();
                    int idx = e.offset() >= 0 ? e.offset() : e.token() == null ? -1 : when.text().indexOf(e.token());
                    if (idx >= 0 && !when.text().substring(0, idx).contains("\n")) {
                        col = when.textColumn() + idx;
                    }
                    problems.add(new Problem(when.path(), id, e.getMessage(), when.line(), col));
                }
            }
        }
        Node cap = n.get("cap");
        if (cap != null && expectObject(cap, "points", "per")) {
            Long pts = integer(cap, "points", true);
            CalendarUnit per = choiceOf(cap, "per", Map.of("day", CalendarUnit.DAY, "week", CalendarUnit.WEEK, "month",
                    CalendarUnit.MONTH, "year", CalendarUnit.YEAR, "lifetime", CalendarUnit.LIFETIME));
            if (cap.get("per") == null) {
                problem(cap, "cap needs 'per': day, week, month, year or lifetime", cap.path() + ".per");
            }
            if (pts != null && per != null) {
                b.cap(pts, per);
            }
        }
    }

    private CashOffset cashOffset(Node n) {
        if (!expectObject(n, "points", "value", "categories", "maxShare", "minPoints", "step", "respectCost")) {
            return null;
        }
        Long pts = integer(n, "points", true);
        BigDecimal value = amount(n, "value", true);
        if (pts == null || value == null) {
            return null;
        }
        CashOffset o = CashOffset.of(pts, value.toPlainString());
        List<String> cats = strings(n, "categories");
        if (cats != null) {
            o = o.categories(cats.toArray(String[]::new));
        }
        BigDecimal share = ratio(n, "maxShare");
        if (share != null) {
            o = o.maxShare(share.toPlainString());
        }
        Long min = integer(n, "minPoints", false);
        if (min != null) {
            o = o.minPoints(min);
        }
        Long step = integer(n, "step", false);
        if (step != null) {
            if (step <= 0) {
                problem(n.get("step"), "step must be positive");
            } else {
                o = o.step(step);
            }
        }
        Boolean respect = bool(n, "respectCost");
        if (respect != null) {
            o = o.respectCost(respect);
        }
        return o;
    }

    private Reward reward(Node n) {
        if (!expectObject(n, "id", "name", "kind", "points", "stock", "limit", "tiers")) {
            return null;
        }
        String id = string(n, "id", true);
        String name = string(n, "name", false);
        Reward.Kind kind = choiceOf(n, "kind", Map.of("gift", Reward.Kind.GIFT, "coupon", Reward.Kind.COUPON, "service",
                Reward.Kind.SERVICE));
        if (n.get("kind") == null) {
            problem(n, "'kind' is required: gift, coupon or service", n.path() + ".kind");
        }
        Long pts = integer(n, "points", true);
        if (id == null || kind == null || pts == null) {
            return null;
        }
        Reward r = Reward.of(id, name == null ? id : name, kind, pts);
        Long stock = integer(n, "stock", false);
        if (stock != null) {
            r = r.stock(stock);
        }
        Node limit = n.get("limit");
        if (limit != null && expectObject(limit, "count", "per")) {
            Long count = integer(limit, "count", true);
            CalendarUnit per = choiceOf(limit, "per", Map.of("day", CalendarUnit.DAY, "week", CalendarUnit.WEEK, "month",
                    CalendarUnit.MONTH, "year", CalendarUnit.YEAR, "lifetime", CalendarUnit.LIFETIME));
            if (limit.get("per") == null) {
                problem(limit, "limit needs 'per': day, week, month, year or lifetime", limit.path() + ".per");
            }
            if (count != null && per != null) {
                if (count <= 0 || count > Integer.MAX_VALUE) {
                    problem(limit.get("count"), "count must be a positive whole number");
                } else {
                    r = r.limit(count.intValue(), per);
                }
            }
        }
        List<String> tiers = strings(n, "tiers");
        if (tiers != null) {
            r = r.tiers(tiers.toArray(String[]::new));
        }
        return r;
    }

    private ReferralPolicy referral(Node n) {
        if (!expectObject(n, "trigger", "minSpend", "levels", "referee", "cap")) {
            return null;
        }
        ReferralPolicy.TriggerKind trigger = choiceOf(n, "trigger", Map.of("enroll", ReferralPolicy.TriggerKind.ENROLL,
                "first_purchase", ReferralPolicy.TriggerKind.FIRST_PURCHASE, "every_purchase",
                ReferralPolicy.TriggerKind.EVERY_PURCHASE));
        if (n.get("trigger") == null) {
            problem(n, "'trigger' is required: enroll, first_purchase or every_purchase", "$.referral.trigger");
        }
        if (trigger == null) {
            return null;
        }
        ReferralPolicy.Builder b = ReferralPolicy.on(trigger);
        BigDecimal min = amount(n, "minSpend", false);
        if (min != null) {
            b.minSpend(min.toPlainString());
        }
        Node levels = n.get("levels");
        if (levels != null && expectArray(levels)) {
            for (Node l : levels.items()) {
                if (!expectObject(l, "points", "share")) {
                    continue;
                }
                if (l.get("points") != null && l.get("share") != null) {
                    problem(l, "a level pays either points or share, not both");
                    continue;
                }
                if (l.get("points") != null) {
                    Long pts = integer(l, "points", true);
                    if (pts != null) {
                        b.level(pts);
                    }
                } else if (l.get("share") != null) {
                    BigDecimal share = ratio(l, "share");
                    if (share != null) {
                        b.levelShare(share.toPlainString());
                    }
                } else {
                    problem(l, "a level pays 'points' or 'share'");
                }
            }
        }
        Node referee = n.get("referee");
        if (referee != null && expectObject(referee, "points")) {
            Long pts = integer(referee, "points", true);
            if (pts != null) {
                b.referee(pts);
            }
        }
        Node cap = n.get("cap");
        if (cap != null && expectObject(cap, "points", "per")) {
            Long pts = integer(cap, "points", true);
            CalendarUnit per = choiceOf(cap, "per", Map.of("day", CalendarUnit.DAY, "week", CalendarUnit.WEEK, "month",
                    CalendarUnit.MONTH, "year", CalendarUnit.YEAR, "lifetime", CalendarUnit.LIFETIME));
            if (pts != null && per != null) {
                b.cap(pts, per);
            } else if (cap.get("per") == null) {
                problem(cap, "cap needs 'per': day, week, month, year or lifetime", cap.path() + ".per");
            }
        }
        return guarded(n, ReferralPolicy.RULE_ID, b::build);
    }

    private StoredValuePolicy storedValue(Node n) {
        if (!expectObject(n, "topUpBonus", "spendOrder", "creditLimit")) {
            return null;
        }
        StoredValuePolicy.Order order = choiceOf(n, "spendOrder", Map.of("principal_first",
                StoredValuePolicy.Order.PRINCIPAL_FIRST, "bonus_first", StoredValuePolicy.Order.BONUS_FIRST,
                "proportional", StoredValuePolicy.Order.PROPORTIONAL));
        StoredValuePolicy.Builder b = StoredValuePolicy.spending(order == null ? StoredValuePolicy.Order.PROPORTIONAL
                : order);
        Node steps = n.get("topUpBonus");
        if (steps != null && expectArray(steps)) {
            for (Node s : steps.items()) {
                if (expectObject(s, "atLeast", "bonus")) {
                    BigDecimal atLeast = amount(s, "atLeast", true);
                    BigDecimal bonus = amount(s, "bonus", true);
                    if (atLeast != null && bonus != null) {
                        b.bonus(atLeast.toPlainString(), bonus.toPlainString());
                    }
                }
            }
        }
        BigDecimal credit = amount(n, "creditLimit", false);
        if (credit != null) {
            b.creditLimit(credit.toPlainString());
        }
        return guarded(n, null, b::build);
    }

    private PackageDef pkg(Node n) {
        if (!expectObject(n, "id", "name", "sku", "uses", "covers", "validFor")) {
            return null;
        }
        String id = string(n, "id", true);
        String name = string(n, "name", false);
        String sku = string(n, "sku", true);
        Long uses = integer(n, "uses", true);
        List<String> covers = strings(n, "covers");
        if (n.get("covers") == null) {
            problem(n, "'covers' is required: the skus a use pays for", n.path() + ".covers");
        }
        String valid = span(n, "validFor", false);
        if (id == null || sku == null || uses == null || covers == null) {
            return null;
        }
        if (uses > Integer.MAX_VALUE) {
            problem(n.get("uses"), "uses is too large");
            return null;
        }
        return guarded(n, id, () -> PackageDef.of(id, name == null ? id : name, sku, uses.intValue(), valid,
                covers.toArray(String[]::new)));
    }

    // ---------------------------------------------------------------- typed field readers

    private boolean expectObject(Node n, String... allowed) {
        if (!n.isObject()) {
            problem(n, "expected an object, got " + n.describe());
            return false;
        }
        Set<String> names = new java.util.HashSet<>();
        for (String a : allowed) {
            names.add(a.startsWith("$.") ? a.substring(2) : a);
        }
        for (Map.Entry<String, Node> f : n.fields().entrySet()) {
            if (!names.contains(f.getKey())) {
                List<String> sorted = new ArrayList<>(names);
                sorted.remove("$schema");
                sorted.sort(null);
                String near = nearest(f.getKey(), sorted);
                problem(f.getValue(), "unknown field '" + f.getKey() + "'"
                        + (near != null ? ": did you mean '" + near + "'?" : "; allowed here: " + String.join(", ", sorted)));
            }
        }
        return true;
    }

    private boolean expectArray(Node n) {
        if (!n.isArray()) {
            problem(n, "expected an array, got " + n.describe());
            return false;
        }
        return true;
    }

    private String string(Node parent, String key, boolean required) {
        Node n = parent.get(key);
        if (n == null) {
            if (required) {
                problem(parent, "'" + key + "' is required", LocatedParser.child(parent.path(), key));
            }
            return null;
        }
        if (!n.isString()) {
            problem(n, "'" + key + "' must be a string, got " + n.describe());
            return null;
        }
        return n.text();
    }

    private <E> E choiceOf(Node parent, String key, Map<String, E> values) {
        Node n = parent.get(key);
        if (n == null) {
            return null;
        }
        List<String> names = new ArrayList<>(values.keySet());
        names.sort(null);
        if (!n.isString() || !values.containsKey(n.text())) {
            problem(n, "'" + key + "' must be one of " + String.join(", ", names) + ", got "
                    + (n.isString() ? "'" + n.text() + "'" : n.describe()));
            return null;
        }
        return values.get(n.text());
    }

    /** An amount: a decimal string, never a binary number. */
    private BigDecimal amount(Node parent, String key, boolean required) {
        Node n = parent.get(key);
        if (n == null) {
            if (required) {
                problem(parent, "'" + key + "' is required", LocatedParser.child(parent.path(), key));
            }
            return null;
        }
        if (n.isNumber()) {
            problem(n, "amounts are decimal strings: write \"" + n.number().toPlainString() + "\"");
            return null;
        }
        if (!n.isString() || !DECIMAL.matcher(n.text()).matches()) {
            problem(n, "'" + key + "' must be a decimal amount such as \"128.00\", got "
                    + (n.isString() ? "'" + n.text() + "'" : n.describe()));
            return null;
        }
        return new BigDecimal(n.text());
    }

    /** A rate, multiplier or share: a JSON number or a decimal string. */
    private BigDecimal ratio(Node parent, String key) {
        Node n = parent.get(key);
        if (n == null) {
            return null;
        }
        if (n.isNumber()) {
            return n.number();
        }
        if (n.isString() && DECIMAL.matcher(n.text()).matches()) {
            return new BigDecimal(n.text());
        }
        problem(n, "'" + key + "' must be a number, got " + (n.isString() ? "'" + n.text() + "'" : n.describe()));
        return null;
    }

    private Long integer(Node parent, String key, boolean required) {
        Node n = parent.get(key);
        if (n == null) {
            if (required) {
                problem(parent, "'" + key + "' is required", LocatedParser.child(parent.path(), key));
            }
            return null;
        }
        if (n.isNumber()) {
            try {
                return n.number().longValueExact();
            } catch (ArithmeticException e) {
                // fall through to the message
            }
        }
        problem(n, "'" + key + "' must be a whole number, got " + (n.isNumber() ? n.number().toPlainString()
                : n.isString() ? "'" + n.text() + "'" : n.describe()));
        return null;
    }

    private Boolean bool(Node parent, String key) {
        Node n = parent.get(key);
        if (n == null) {
            return null;
        }
        if (n.kind() != Node.Kind.BOOLEAN) {
            problem(n, "'" + key + "' must be true or false, got " + n.describe());
            return null;
        }
        return n.bool();
    }

    private List<String> strings(Node parent, String key) {
        Node n = parent.get(key);
        if (n == null) {
            return null;
        }
        if (!n.isArray()) {
            problem(n, "'" + key + "' must be an array of strings, got " + n.describe());
            return null;
        }
        if (n.items().isEmpty()) {
            problem(n, "'" + key + "' is empty; leave it out to mean every one");
            return null;
        }
        List<String> out = new ArrayList<>();
        boolean ok = true;
        for (Node item : n.items()) {
            if (!item.isString()) {
                problem(item, "expected a string, got " + item.describe());
                ok = false;
            } else {
                out.add(item.text());
            }
        }
        return ok ? out : null;
    }

    private String span(Node parent, String key, boolean required) {
        String text = string(parent, key, required);
        if (text == null) {
            return null;
        }
        try {
            Span.parse(text);
            return text;
        } catch (RuntimeException e) {
            problem(parent.get(key), "'" + key + "' must be an ISO-8601 period such as \"P7D\" or \"P12M\", got '"
                    + text + "'");
            return null;
        }
    }

    private String dateBound(Node parent, String key) {
        String text = string(parent, key, false);
        if (text == null) {
            return null;
        }
        try {
            DateBound.parse(text);
            return text;
        } catch (RuntimeException e) {
            problem(parent.get(key), "'" + key + "' must be a date (2026-05-01) or date-time (2026-05-01T10:00), got '"
                    + text + "'");
            return null;
        }
    }

    private LocalTime time(Node parent, String key) {
        String text = string(parent, key, true);
        if (text == null) {
            return null;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeException e) {
            problem(parent.get(key), "'" + key + "' must be a time such as \"10:00\", got '" + text + "'");
            return null;
        }
    }

    // ---------------------------------------------------------------- problems

    private void problem(Node at, String message) {
        problem(at, message, at.path());
    }

    private void problem(Node at, String message, String path) {
        problems.add(new Problem(path, ruleIdOf(path), message, at.line(), at.column()));
    }

    private void guard(Node at, String ruleId, Runnable action, Function<RuntimeException, String> message) {
        try {
            action.run();
        } catch (RuntimeException e) {
            problems.add(new Problem(at.path(), ruleId, message.apply(e), at.line(), at.column()));
        }
    }

    private <T> T guarded(Node at, String ruleId, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidProgramException e) {
            for (ProgramProblem p : e.problems()) {
                Node loc = locate(p.path());
                problems.add(new Problem(p.path(), p.ruleId() != null ? p.ruleId() : ruleIdOf(p.path()), p.message(),
                        loc.line(), loc.column()));
            }
            return null;
        } catch (RuntimeException e) {
            problems.add(new Problem(at.path(), ruleId != null ? ruleId : ruleIdOf(at.path()), e.getMessage(),
                    at.line(), at.column()));
            return null;
        }
    }

    private boolean coveredByEarlierProblem(String path) {
        for (Problem p : problems) {
            if (p.path().equals(path) || p.path().startsWith(path + ".") || p.path().startsWith(path + "[")
                    || path.startsWith(p.path() + ".") || path.startsWith(p.path() + "[")) {
                return true;
            }
        }
        return false;
    }

    /** The deepest node the path reaches. */
    private Node locate(String path) {
        if (index == null) {
            index = new LinkedHashMap<>();
            collect(root, index);
        }
        String p = path;
        while (p != null && !p.isEmpty()) {
            Node n = index.get(p);
            if (n != null) {
                return n;
            }
            p = parentPath(p);
        }
        return root;
    }

    private static void collect(Node n, Map<String, Node> index) {
        index.put(n.path(), n);
        for (Node c : n.fields().values()) {
            collect(c, index);
        }
        for (Node c : n.items()) {
            collect(c, index);
        }
    }

    private static String parentPath(String path) {
        if (path.equals("$")) {
            return null;
        }
        int dot = path.lastIndexOf('.');
        int bracket = path.lastIndexOf('[');
        int cut = Math.max(dot, bracket);
        return cut <= 0 ? "$" : path.substring(0, cut);
    }

    /** Places problems found on the built program (by path) in the file. */
    public static List<Problem> locate(Node root, List<io.loyaltykit.rules.check.Finding> findings) {
        ProgramReader r = new ProgramReader(root);
        List<Problem> out = new ArrayList<>();
        for (io.loyaltykit.rules.check.Finding f : findings) {
            Node at = r.locate(f.path());
            out.add(new Problem(f.path(), f.ruleId() != null ? f.ruleId() : r.ruleIdOf(f.path()), f.message(),
                    at.line(), at.column()));
        }
        return out;
    }

    /** The id of the rule, level, reward or package a path falls in. */
    private String ruleIdOf(String path) {
        for (String list : List.of("$.earn[", "$.redeem.rewards[", "$.tiers.levels[", "$.packages[")) {
            if (path.startsWith(list)) {
                int end = path.indexOf(']', list.length());
                if (end < 0) {
                    return null;
                }
                try {
                    int i = Integer.parseInt(path.substring(list.length(), end));
                    Node container = locate(list.substring(0, list.length() - 1));
                    if (container.isArray() && i < container.items().size()) {
                        Node item = container.items().get(i);
                        Node id = item.isObject() ? item.get("id") : null;
                        return id != null && id.isString() ? id.text() : null;
                    }
                } catch (NumberFormatException e) {
                    return null;
                }
                return null;
            }
        }
        if (path.startsWith("$.referral")) {
            return ReferralPolicy.RULE_ID;
        }
        return null;
    }

    private static String nearest(String name, List<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(name.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return bestDistance <= Math.max(1, name.length() / 3) ? best : null;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
