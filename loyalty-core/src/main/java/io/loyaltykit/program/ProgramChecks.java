package io.loyaltykit.program;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The hard checks every program passes, with file-form JSON paths. */
final class ProgramChecks {
    private static final Pattern ID = Pattern.compile("[a-z0-9-]+");

    private final List<ProgramProblem> problems = new ArrayList<>();

    private ProgramChecks() {
    }

    private void problem(String path, String rule, String message) {
        problems.add(new ProgramProblem(path, rule, message));
    }

    static List<ProgramProblem> check(String id, String name, Currency currency, ZoneId zone, TierPolicy tiers,
                                      List<EarnRule> earn, CashOffset offset, List<Reward> rewards,
                                      ReferralPolicy referral, StoredValuePolicy sv, List<PackageDef> packages) {
        ProgramChecks c = new ProgramChecks();
        if (id == null || !ID.matcher(id).matches()) {
            c.problem("$.program", null, "program id must match [a-z0-9-]+, got " + (id == null ? "nothing" : "'" + id + "'"));
        }
        if (currency == null) {
            c.problem("$.currency", null, "currency is required (an ISO 4217 code such as CNY)");
        }
        if (zone == null) {
            c.problem("$.timezone", null, "timezone is required (an IANA zone such as Asia/Shanghai)");
        }
        Set<String> levelIds = c.tiers(tiers);
        c.earn(earn, levelIds);
        c.offset(offset);
        c.rewards(rewards, levelIds);
        c.referral(referral);
        c.storedValue(sv);
        c.packages(packages);
        return c.problems;
    }

    private Set<String> tiers(TierPolicy t) {
        Set<String> ids = new HashSet<>();
        if (t.levels().isEmpty()) {
            problem("$.tiers.levels", null, "at least one level is needed");
            return ids;
        }
        BigDecimal prev = null;
        for (int i = 0; i < t.levels().size(); i++) {
            TierLevel l = t.levels().get(i);
            String p = "$.tiers.levels[" + i + "]";
            if (l.id() == null || l.id().isBlank()) {
                problem(p + ".id", null, "level id is required");
            } else if (!ids.add(l.id())) {
                problem(p + ".id", l.id(), "duplicate level id '" + l.id() + "'");
            }
            if (l.threshold() == null || l.threshold().signum() < 0) {
                problem(p + ".threshold", l.id(), "threshold must be zero or more");
            } else {
                if (i == 0 && l.threshold().signum() != 0) {
                    problem(p + ".threshold", l.id(), "the first level must have threshold 0, got " + l.threshold().toPlainString());
                }
                if (prev != null && l.threshold().compareTo(prev) <= 0) {
                    problem(p + ".threshold", l.id(), "thresholds must increase: " + l.threshold().toPlainString()
                            + " is not above " + prev.toPlainString());
                }
                prev = l.threshold();
            }
            if (l.earnMultiplier().signum() <= 0) {
                problem(p + ".earnMultiplier", l.id(), "earnMultiplier must be positive");
            }
            for (int d = 0; d < l.discounts().size(); d++) {
                BigDecimal r = l.discounts().get(d).rate();
                if (r == null || r.signum() <= 0 || r.compareTo(BigDecimal.ONE) > 0) {
                    problem(p + ".discounts[" + d + "].rate", l.id(), "discount rate must be in (0, 1]");
                }
            }
        }
        return ids;
    }

    private void earn(List<EarnRule> earn, Set<String> levelIds) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < earn.size(); i++) {
            EarnRule r = earn.get(i);
            String p = "$.earn[" + i + "]";
            String rid = r.id();
            if (rid == null || rid.isBlank()) {
                problem(p + ".id", null, "rule id is required");
            } else if (!ids.add(rid)) {
                problem(p + ".id", rid, "duplicate rule id '" + rid + "'");
            }
            if (r.on() == null) {
                problem(p + ".on", rid, "'on' is required");
                continue;
            }
            if (r.on() == Trigger.EVENT && (r.eventName() == null || r.eventName().isBlank())) {
                problem(p + ".on", rid, "custom events are written event:NAME");
            }
            Award a = r.award();
            if (a instanceof Award.Rate rate) {
                    if (r.on() != Trigger.PURCHASE && r.on() != Trigger.TOPUP) {
                        problem(p + ".rate", rid, "a rate applies on purchase or topup, not " + r.onText());
                    }
                    if (rate.points() == null || rate.points().signum() < 0) {
                        problem(p + ".rate.points", rid, "rate points must be zero or more");
                    }
                    if (rate.per() != null && rate.per().signum() <= 0) {
                        problem(p + ".rate.per", rid, "rate 'per' must be a positive amount or \"unit\"");
                    }
                    if (rate.per() == null && r.on() == Trigger.TOPUP) {
                        problem(p + ".rate.per", rid, "a top-up rate is per amount, not per unit");
                    }
            } else if (a instanceof Award.Multiplier m) {
                    if (r.on() != Trigger.PURCHASE) {
                        problem(p + ".multiplier", rid, "a multiplier applies on purchase only");
                    }
                    if (m.factor() == null || m.factor().signum() <= 0) {
                        problem(p + ".multiplier", rid, "multiplier must be positive");
                    }
            } else if (a instanceof Award.Bonus b) {
                    if (r.on() != Trigger.PURCHASE) {
                        problem(p + ".bonus", rid, "a bonus applies on purchase only");
                    }
                    if (b.steps().isEmpty()) {
                        problem(p + ".bonus", rid, "a bonus needs at least one step");
                    }
                    BigDecimal prev = null;
                    for (int s = 0; s < b.steps().size(); s++) {
                        Award.Bonus.Step st = b.steps().get(s);
                        if (st.atLeast() == null || st.atLeast().signum() < 0) {
                            problem(p + ".bonus[" + s + "].atLeast", rid, "atLeast must be zero or more");
                        } else if (prev != null && st.atLeast().compareTo(prev) <= 0) {
                            problem(p + ".bonus[" + s + "].atLeast", rid, "steps must increase");
                        }
                        if (st.points() < 0) {
                            problem(p + ".bonus[" + s + "].points", rid, "points must be zero or more");
                        }
                        prev = st.atLeast();
                    }
            } else if (a instanceof Award.Fixed f) {
                    if (r.on() == Trigger.PURCHASE) {
                        problem(p + ".points", rid, "a fixed award applies on enroll, topup, checkin or event:NAME; "
                                + "on purchase use rate, multiplier or bonus");
                    }
                    if (f.points() < 0) {
                        problem(p + ".points", rid, "points must be zero or more");
                    }
            } else if (a instanceof Award.Streak s) {
                    if (r.on() != Trigger.CHECKIN) {
                        problem(p + ".streak", rid, "a streak applies on checkin only");
                    }
                    if (s.start() < 0 || s.step() < 0 || s.max() < s.start() || s.cycle() < 0) {
                        problem(p + ".streak", rid, "streak needs start >= 0, step >= 0, max >= start and cycle >= 0");
                    }
            } else {
                problem(p, rid, "the rule pays nothing: give rate, multiplier, bonus, points or streak");
            }
            RuleFilter f = r.filter();
            for (String t : f.tiers()) {
                if (!levelIds.contains(t)) {
                    problem(p + ".tiers", rid, "unknown level '" + t + "'");
                }
            }
            if (f.when() != null && f.when().readsLine() && !r.isLineRule()) {
                problem(p + ".when", rid, "'line' can only be used in conditions of purchase rules");
            }
            if ((f.hoursFrom() == null) != (f.hoursTo() == null)) {
                problem(p + ".hours", rid, "hours need both from and to");
            }
            if (r.cap() != null) {
                if (r.cap().points() < 0) {
                    problem(p + ".cap.points", rid, "cap points must be zero or more");
                }
                if (r.cap().per() == null) {
                    problem(p + ".cap.per", rid, "cap needs 'per': day, week, month, year or lifetime");
                }
            }
            if (f.hasLineFilters() && !r.isLineRule()) {
                problem(p + ".categories", rid, "line filters (categories, skus) only apply to purchase rules");
            }
        }
    }

    private void offset(CashOffset o) {
        if (o == null) {
            return;
        }
        String p = "$.redeem.cashOffset";
        if (o.points() <= 0) {
            problem(p + ".points", null, "points must be positive");
        }
        if (o.value() == null || o.value().signum() <= 0) {
            problem(p + ".value", null, "value must be a positive amount");
        }
        if (o.maxShare().signum() <= 0 || o.maxShare().compareTo(BigDecimal.ONE) > 0) {
            problem(p + ".maxShare", null, "maxShare must be in (0, 1]");
        }
        if (o.minPoints() < 0) {
            problem(p + ".minPoints", null, "minPoints must be zero or more");
        }
    }

    private void rewards(List<Reward> rewards, Set<String> levelIds) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rewards.size(); i++) {
            Reward r = rewards.get(i);
            String p = "$.redeem.rewards[" + i + "]";
            if (r.id() == null || r.id().isBlank()) {
                problem(p + ".id", null, "reward id is required");
            } else if (!ids.add(r.id())) {
                problem(p + ".id", r.id(), "duplicate reward id '" + r.id() + "'");
            }
            if (r.kind() == null) {
                problem(p + ".kind", r.id(), "kind must be gift, coupon or service");
            }
            if (r.points() <= 0) {
                problem(p + ".points", r.id(), "points must be positive");
            }
            if (r.stock() != null && r.stock() < 0) {
                problem(p + ".stock", r.id(), "stock must be zero or more");
            }
            if (r.limit() != null && (r.limit().count() <= 0 || r.limit().per() == null)) {
                problem(p + ".limit", r.id(), "limit needs a positive count and 'per'");
            }
            for (String t : r.tiers()) {
                if (!levelIds.contains(t)) {
                    problem(p + ".tiers", r.id(), "unknown level '" + t + "'");
                }
            }
        }
    }

    private void referral(ReferralPolicy r) {
        if (r == null) {
            return;
        }
        if (r.trigger() == null) {
            problem("$.referral.trigger", ReferralPolicy.RULE_ID, "trigger must be enroll, first_purchase or every_purchase");
        }
        if (r.minSpend().signum() < 0) {
            problem("$.referral.minSpend", ReferralPolicy.RULE_ID, "minSpend must be zero or more");
        }
        for (int i = 0; i < r.levels().size(); i++) {
            ReferralPolicy.Level l = r.levels().get(i);
            String p = "$.referral.levels[" + i + "]";
            if ((l.points() == null) == (l.share() == null)) {
                problem(p, ReferralPolicy.RULE_ID, "a level pays either points or share");
            } else if (l.points() != null && l.points() < 0) {
                problem(p + ".points", ReferralPolicy.RULE_ID, "points must be zero or more");
            } else if (l.share() != null && (l.share().signum() < 0 || l.share().compareTo(BigDecimal.ONE) > 0)) {
                problem(p + ".share", ReferralPolicy.RULE_ID, "share must be in [0, 1]");
            }
            if (l.share() != null && r.trigger() == ReferralPolicy.TriggerKind.ENROLL) {
                problem(p + ".share", ReferralPolicy.RULE_ID, "a share needs a purchase trigger: an enrolment earns no purchase points");
            }
        }
        if (r.refereePoints() < 0) {
            problem("$.referral.referee.points", ReferralPolicy.RULE_ID, "points must be zero or more");
        }
    }

    private void storedValue(StoredValuePolicy sv) {
        if (sv == null) {
            return;
        }
        BigDecimal prev = null;
        for (int i = 0; i < sv.topUpBonus().size(); i++) {
            StoredValuePolicy.Step s = sv.topUpBonus().get(i);
            String p = "$.storedValue.topUpBonus[" + i + "]";
            if (s.atLeast() == null || s.atLeast().signum() <= 0) {
                problem(p + ".atLeast", null, "atLeast must be positive");
            } else if (prev != null && s.atLeast().compareTo(prev) <= 0) {
                problem(p + ".atLeast", null, "steps must increase");
            }
            if (s.bonus() == null || s.bonus().signum() < 0) {
                problem(p + ".bonus", null, "bonus must be zero or more");
            }
            prev = s.atLeast();
        }
        if (sv.creditLimit().signum() < 0) {
            problem("$.storedValue.creditLimit", null, "creditLimit must be zero or more");
        }
    }

    private void packages(List<PackageDef> packages) {
        Set<String> ids = new HashSet<>();
        Set<String> skus = new HashSet<>();
        for (int i = 0; i < packages.size(); i++) {
            PackageDef d = packages.get(i);
            String p = "$.packages[" + i + "]";
            if (d.id() == null || !ids.add(d.id())) {
                problem(p + ".id", d.id(), d.id() == null ? "package id is required" : "duplicate package id '" + d.id() + "'");
            }
            if (d.sku() == null || !skus.add(d.sku())) {
                problem(p + ".sku", d.id(), d.sku() == null ? "sku is required" : "duplicate package sku '" + d.sku() + "'");
            }
            if (d.uses() <= 0) {
                problem(p + ".uses", d.id(), "uses must be positive");
            }
            if (d.covers().isEmpty()) {
                problem(p + ".covers", d.id(), "a package must cover at least one sku");
            }
        }
    }
}
