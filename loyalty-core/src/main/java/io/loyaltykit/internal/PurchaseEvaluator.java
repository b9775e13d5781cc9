package io.loyaltykit.internal;

import io.loyaltykit.ErrorCode;
import io.loyaltykit.LoyaltyException;
import io.loyaltykit.event.Line;
import io.loyaltykit.event.Purchase;
import io.loyaltykit.event.Tender;
import io.loyaltykit.ledger.Draw;
import io.loyaltykit.ledger.PackageEntry;
import io.loyaltykit.ledger.PackageState;
import io.loyaltykit.ledger.PointsDebit;
import io.loyaltykit.ledger.PointsLot;
import io.loyaltykit.ledger.Purses;
import io.loyaltykit.ledger.QualifyingEntry;
import io.loyaltykit.ledger.ValueEntry;
import io.loyaltykit.program.Award;
import io.loyaltykit.program.CashOffset;
import io.loyaltykit.program.Combine;
import io.loyaltykit.program.EarnRule;
import io.loyaltykit.program.LineView;
import io.loyaltykit.program.MemberView;
import io.loyaltykit.program.PackageDef;
import io.loyaltykit.program.Program;
import io.loyaltykit.program.ReferralPolicy;
import io.loyaltykit.program.RoundingScope;
import io.loyaltykit.program.StoredValuePolicy;
import io.loyaltykit.program.TierLevel;
import io.loyaltykit.program.TierPolicy;
import io.loyaltykit.program.Trigger;
import io.loyaltykit.program.TxView;
import io.loyaltykit.store.Decision;
import io.loyaltykit.store.EventRecord;
import io.loyaltykit.store.LedgerReader;
import io.loyaltykit.store.LineRecord;
import io.loyaltykit.store.Member;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.loyaltykit.internal.Engine.MC;
import static io.loyaltykit.internal.Engine.error;
import static io.loyaltykit.internal.Engine.invalid;

/** Evaluates purchases: validation, cash offset, stored value, packages, earning, referral and tier. */
public final class PurchaseEvaluator {
    private final Engine engine;
    private final Program program;

    PurchaseEvaluator(Engine engine) {
        this.engine = engine;
        this.program = engine.program();
    }

    /**
     * What a purchase did or would do.
     *
     * @param decision            the decision (for a quote, what it would write)
     * @param earned              points the purchase earns the member (or holds for a walk-in)
     * @param maxRedeemablePoints the most points the bill can take as cash offset
     * @param tier                the member's level before the purchase
     * @param rejection           in a quote, why the purchase as given would be rejected; else null
     */
    public record Outcome(Decision decision, long earned, long maxRedeemablePoints, TierLevel tier,
                          LoyaltyException rejection) {
    }

    /** Per-line working figures. */
    private static final class L {
        final Line line;
        BigDecimal gross;
        BigDecimal net;
        BigDecimal offset = BigDecimal.ZERO;
        BigDecimal excluded = BigDecimal.ZERO;
        BigDecimal earningNet;
        BigDecimal ratePoints = BigDecimal.ZERO;
        BigDecimal contribution = BigDecimal.ZERO;
        LineView view;

        L(Line line) {
            this.line = line;
        }
    }

    Outcome evaluate(LedgerReader reader, Book book, Purchase p, boolean quote) {
        List<L> lines = validateLines(p);
        BigDecimal netTotal = BigDecimal.ZERO;
        for (L l : lines) {
            netTotal = netTotal.add(l.net);
        }
        CashOffset co = program.cashOffset();
        if (p.redeemPoints() < 0) {
            throw invalid("purchase " + p.id() + ": redeemPoints must be zero or more");
        }
        BigDecimal offsetValue = p.redeemPoints() == 0 || co == null ? BigDecimal.ZERO
                : engine.money(BigDecimal.valueOf(p.redeemPoints()).multiply(co.value()).divide(BigDecimal.valueOf(co.points()), MC));
        BigDecimal tendered = BigDecimal.ZERO;
        BigDecimal pointsTender = null;
        for (Tender t : p.tenders()) {
            if (t.type() == null || t.type().isBlank()) {
                throw invalid("purchase " + p.id() + ": every tender needs a type");
            }
            engine.requireAmount("tender " + t.type() + " amount", t.amount(), true);
            if (Tender.POINTS.equals(t.type())) {
                pointsTender = pointsTender == null ? t.amount() : pointsTender.add(t.amount());
            } else {
                tendered = tendered.add(t.amount());
            }
            if (Tender.PACKAGE.equals(t.type()) && (t.pkg() == null || program.pkg(t.pkg()) == null)) {
                throw invalid("purchase " + p.id() + ": package tender names " + (t.pkg() == null ? "no package"
                        : "unknown package " + t.pkg()));
            }
        }
        if (pointsTender != null && pointsTender.compareTo(offsetValue) != 0) {
            throw invalid("purchase " + p.id() + ": the points tender " + pointsTender.toPlainString()
                    + " is not the offset of " + p.redeemPoints() + " points (" + offsetValue.toPlainString() + ")");
        }
        BigDecimal due = netTotal.subtract(offsetValue);
        if (!quote && tendered.compareTo(due) != 0) {
            throw invalid("purchase " + p.id() + ": tenders add up to " + tendered.toPlainString() + " but the bill is "
                    + due.toPlainString() + (offsetValue.signum() > 0 ? " after a points offset of " + offsetValue.toPlainString() : ""));
        }
        engine.requireCurrency(p.currency());
        Member member = p.member() == null ? null : engine.requireMember(reader, p.member());
        if (member == null && (p.redeemPoints() > 0 || has(p, Tender.STORED_VALUE) || has(p, Tender.PACKAGE))) {
            throw invalid("purchase " + p.id() + ": a walk-in cannot pay with points, stored value or a package");
        }
        String mid = member == null ? null : member.id();
        TierLevel tier = engine.tierAt(reader, mid, p.at());
        LoyaltyException rejection = null;

        // packages used: LIMIT_REACHED comes before the redemption and stored-value checks
        Map<String, Long> usesNeeded = new LinkedHashMap<>();
        Map<String, BigDecimal> packageAmount = new LinkedHashMap<>();
        for (Tender t : p.tenders()) {
            if (Tender.PACKAGE.equals(t.type())) {
                PackageDef def = program.pkg(t.pkg());
                BigDecimal units = BigDecimal.ZERO;
                for (L l : lines) {
                    if (def.covers().contains(l.line.sku())) {
                        units = units.add(l.line.qty());
                    }
                }
                if (units.signum() == 0) {
                    throw invalid("purchase " + p.id() + ": package " + def.id() + " covers none of the lines");
                }
                if (units.stripTrailingZeros().scale() > 0) {
                    throw invalid("purchase " + p.id() + ": package uses need whole quantities of covered lines");
                }
                usesNeeded.put(def.id(), units.longValueExact());
                packageAmount.merge(def.id(), t.amount(), BigDecimal::add);
            }
        }
        Map<String, List<PackageState>> grants = new HashMap<>();
        for (Map.Entry<String, Long> u : usesNeeded.entrySet()) {
            List<PackageState> open = new ArrayList<>();
            long left = 0;
            for (PackageState s : reader.packages(mid, p.at())) {
                if (s.grant().packageId().equals(u.getKey()) && s.remaining() > 0) {
                    open.add(s);
                    left += s.remaining();
                }
            }
            if (left < u.getValue()) {
                LoyaltyException ex = error(ErrorCode.LIMIT_REACHED, "package " + u.getKey() + " has " + left
                        + " uses left; the bill needs " + u.getValue());
                if (!quote) {
                    throw ex;
                }
                rejection = rejection == null ? ex : rejection;
            }
            open.sort((a, b) -> {
                Instant ea = a.grant().expiresAt();
                Instant eb = b.grant().expiresAt();
                if (ea == null || eb == null) {
                    return ea == null ? (eb == null ? 0 : 1) : -1;
                }
                return ea.compareTo(eb);
            });
            grants.put(u.getKey(), open);
        }

        // cash offset
        long maxRedeemable = member == null ? 0 : maxRedeemable(lines, co, book.available(mid));
        long redeem = p.redeemPoints();
        if (redeem > 0) {
            boolean ok = co != null && redeem <= maxRedeemable && redeem % co.step() == 0 && redeem >= co.minPoints();
            if (!ok) {
                String why = co == null ? "the program has no cash offset"
                        : redeem % co.step() != 0 ? "points must be a multiple of " + co.step()
                        : redeem < co.minPoints() ? "at least " + co.minPoints() + " points per use"
                        : "the most this bill can take is " + maxRedeemable + " points";
                LoyaltyException ex = LoyaltyException.redemptionNotAllowed("purchase " + p.id() + ": cannot offset "
                        + redeem + " points: " + why, maxRedeemable);
                if (!quote) {
                    throw ex;
                }
                rejection = rejection == null ? ex : rejection;
                redeem = 0;
                offsetValue = BigDecimal.ZERO;
            }
        }

        // stored value
        BigDecimal sv = BigDecimal.ZERO;
        for (Tender t : p.tenders()) {
            if (Tender.STORED_VALUE.equals(t.type())) {
                sv = sv.add(engine.money(t.amount()));
            }
        }
        BigDecimal svPrincipal = BigDecimal.ZERO;
        BigDecimal svBonus = BigDecimal.ZERO;
        if (sv.signum() > 0) {
            Purses purses = reader.purses(mid);
            StoredValuePolicy svp = program.storedValue();
            BigDecimal credit = svp == null ? BigDecimal.ZERO : svp.creditLimit();
            if (sv.compareTo(purses.total().add(credit)) > 0) {
                LoyaltyException ex = error(ErrorCode.INSUFFICIENT_STORED_VALUE, "stored value tender " + sv.toPlainString()
                        + " exceeds the balance " + purses.total().toPlainString()
                        + (credit.signum() > 0 ? " plus credit " + credit.toPlainString() : ""));
                if (!quote) {
                    throw ex;
                }
                rejection = rejection == null ? ex : rejection;
            } else {
                BigDecimal[] split = splitStoredValue(sv, purses, svp == null ? StoredValuePolicy.Order.PROPORTIONAL : svp.spendOrder());
                svPrincipal = split[0];
                svBonus = split[1];
            }
        }

        // ---- writes: offset
        if (redeem > 0) {
            spread(lines, offsetValue, l -> co.eligible(l.line.category()) && l.net.signum() > 0, true,
                    (l, v) -> l.offset = v);
            List<Draw> draws = book.drawAvailable(mid, redeem);
            book.debit(mid, "cash-offset", redeem + " points as " + offsetValue.toPlainString() + " off the bill",
                    PointsDebit.Kind.OFFSET, draws, 0, 0, p.id(), p.store(), null);
        }
        // stored value draws
        if (svPrincipal.signum() != 0) {
            book.add(new ValueEntry(book.nextId(), mid, p.id(), "paid " + svPrincipal.toPlainString() + " from principal",
                    ValueEntry.Purse.PRINCIPAL, svPrincipal.negate(), p.at(), p.id(), p.store()));
        }
        if (svBonus.signum() != 0) {
            book.add(new ValueEntry(book.nextId(), mid, p.id(), "paid " + svBonus.toPlainString() + " from bonus",
                    ValueEntry.Purse.BONUS, svBonus.negate(), p.at(), p.id(), p.store()));
        }
        // package uses
        for (Map.Entry<String, Long> u : usesNeeded.entrySet()) {
            long left = u.getValue();
            for (PackageState s : grants.getOrDefault(u.getKey(), List.of())) {
                if (left == 0) {
                    break;
                }
                long take = Math.min(left, s.remaining());
                left -= take;
                book.add(new PackageEntry(book.nextId(), mid, p.id(), take + " use(s) of " + u.getKey(), u.getKey(),
                        s.grant().id(), -take, p.at(), s.grant().expiresAt(), p.id()));
            }
        }

        // ---- earning
        Set<String> exclude = program.points().excludeTenders();
        for (L l : lines) {
            l.earningNet = l.net.subtract(l.offset);
        }
        if (exclude.contains(Tender.PACKAGE)) {
            for (Map.Entry<String, BigDecimal> pa : packageAmount.entrySet()) {
                PackageDef def = program.pkg(pa.getKey());
                spread(lines, pa.getValue(), l -> def.covers().contains(l.line.sku()), false, (l, v) -> l.excluded = l.excluded.add(v));
            }
        }
        BigDecimal otherExcluded = BigDecimal.ZERO;
        for (Tender t : p.tenders()) {
            if (exclude.contains(t.type()) && !Tender.PACKAGE.equals(t.type()) && !Tender.POINTS.equals(t.type())) {
                otherExcluded = otherExcluded.add(t.amount());
            }
        }
        if (exclude.contains("stored_value_bonus") && !exclude.contains(Tender.STORED_VALUE)) {
            otherExcluded = otherExcluded.add(svBonus);
        }
        if (otherExcluded.signum() > 0) {
            spread(lines, otherExcluded, l -> true, false, (l, v) -> l.excluded = l.excluded.add(v));
        }
        for (L l : lines) {
            l.earningNet = l.earningNet.subtract(l.excluded).max(BigDecimal.ZERO);
        }
        long available = member == null ? 0 : book.available(mid);
        MemberView mv = engine.memberView(member, tier, available);
        List<LineView> views = new ArrayList<>();
        for (L l : lines) {
            l.view = new LineView(l.line.line(), l.line.sku(), l.line.category(), l.line.qty(), l.line.unitPrice(), l.net);
            views.add(l.view);
        }
        TxView tx = engine.txView(p, p.store(), p.staff(), netTotal, views, Map.of());
        Earning earning = earn(reader, book, p, member, tier, mv, tx, lines);

        // the member's (or the walk-in's) lots
        boolean holds = member != null || program.walkInClaimWithin() != null;
        long total = 0;
        if (holds) {
            Instant matures = engine.maturesAt(p.at());
            Instant expires = engine.expiresAt(p.at());
            for (Map.Entry<String, Long> a : earning.alloc.entrySet()) {
                long pts = a.getValue();
                boolean capped = earning.capped.contains(a.getKey());
                if (pts <= 0 && !capped) {
                    continue;
                }
                total += pts;
                book.credit(member == null ? Engine.walkInAccount(p.id()) : mid, a.getKey(), earning.reasons.get(a.getKey()),
                        member == null ? PointsLot.Source.WALK_IN
                        : PointsLot.Source.PURCHASE, pts, p.at(), matures, expires, p.id(), p.store());
            }
        }
        BigDecimal contributions = BigDecimal.ZERO;
        for (L l : lines) {
            contributions = contributions.add(l.contribution);
        }

        // packages bought
        Map<String, PackageDef> bySku = program.packagesBySku();
        for (L l : lines) {
            PackageDef def = bySku.get(l.line.sku());
            if (def != null && member != null) {
                if (l.line.qty().stripTrailingZeros().scale() > 0) {
                    throw invalid("purchase " + p.id() + ": package " + def.id() + " is bought in whole units");
                }
                long uses = def.uses() * l.line.qty().longValueExact();
                String id = book.nextId();
                Instant expiresAt = def.validFor() == null ? null : def.validFor().addTo(p.at(), program.zone());
                book.add(new PackageEntry(id, mid, p.id(), uses + " uses of " + def.name(), def.id(), id, uses, p.at(),
                        expiresAt, p.id()));
            }
        }

        // referral
        ReferralPolicy rp = program.referral();
        if (member != null && rp != null && member.referrer() != null && netTotal.compareTo(rp.minSpend()) >= 0
                && (rp.trigger() == ReferralPolicy.TriggerKind.EVERY_PURCHASE
                || (rp.trigger() == ReferralPolicy.TriggerKind.FIRST_PURCHASE
                && reader.markSum("referral-trigger:" + mid) == 0))) {
            engine.referralAwards(reader, book, member, p.at(), engine.maturesAt(p.at()), p.store(), p.id(), total,
                    "purchase " + p.id());
            book.mark("referral-trigger:" + mid, mid, 1);
        }

        // tier metric
        TierPolicy tp = program.tiers();
        List<LineRecord> records = new ArrayList<>();
        BigDecimal qualifying = BigDecimal.ZERO;
        for (L l : lines) {
            BigDecimal share = contributions.signum() == 0 ? BigDecimal.ZERO
                    : BigDecimal.valueOf(total).multiply(l.contribution).divide(contributions, MC);
            BigDecimal q = BigDecimal.ZERO;
            if (!tp.excludeCategories().contains(l.line.category())) {
                q = switch (tp.metric()) {
                    case SPEND -> l.net.subtract(l.offset);
                    case POINTS_EARNED -> share;
                    case VISITS -> BigDecimal.ZERO;
                };
            }
            qualifying = qualifying.add(q);
            records.add(new LineRecord(l.line.line(), l.line.sku(), l.line.category(), Engine.exact(l.line.qty()), l.net,
                    Engine.exact(share), Engine.exact(q),
                    l.line.staff()));
        }
        String tierAfter = null;
        if (member != null) {
            if (tp.metric() == TierPolicy.Metric.VISITS) {
                qualifying = BigDecimal.ONE;
            }
            List<QualifyingEntry> history = new ArrayList<>(reader.qualifying(mid));
            if (qualifying.signum() != 0) {
                history.add(engine.qualifying(book, mid, p.id(), p.at(), qualifying));
            }
            tierAfter = engine.tierClock().levelAt(history, p.at()).id();
        }
        long points = member == null ? total : book.pointsDelta(mid);
        EventRecord rec = engine.record(p, mid, points, tier.id(), tierAfter, p.store(), null, records);
        return new Outcome(new Decision(rec, book.entries(), null), total, maxRedeemable, tier, rejection);
    }

    private static boolean has(Purchase p, String type) {
        for (Tender t : p.tenders()) {
            if (type.equals(t.type())) {
                return true;
            }
        }
        return false;
    }

    private List<L> validateLines(Purchase p) {
        if (p.lines().isEmpty()) {
            throw invalid("purchase " + p.id() + " has no lines");
        }
        List<L> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        BigDecimal grossTotal = BigDecimal.ZERO;
        for (Line line : p.lines()) {
            String where = "purchase " + p.id() + " line " + line.line();
            if (line.line() == null || line.line().isBlank() || !ids.add(line.line())) {
                throw invalid("purchase " + p.id() + ": every line needs a unique 'line' id");
            }
            if (line.sku() == null || line.sku().isBlank()) {
                throw invalid(where + ": 'sku' is required");
            }
            if (line.qty() == null || line.qty().signum() <= 0) {
                throw invalid(where + ": quantity must be positive, got " + (line.qty() == null ? "nothing" : line.qty().toPlainString()));
            }
            if (line.qty().stripTrailingZeros().scale() > 3) {
                throw invalid(where + ": quantity " + line.qty().toPlainString() + " has more than 3 decimals");
            }
            engine.requireAmount(where + " unitPrice", line.unitPrice(), true);
            engine.requireAmount(where + " discount", line.discount(), true);
            if (line.cost() != null) {
                engine.requireAmount(where + " cost", line.cost(), true);
            }
            L l = new L(line);
            l.gross = engine.money(line.gross());
            if (line.discount().compareTo(l.gross) > 0) {
                throw invalid(where + ": discount " + line.discount().toPlainString() + " exceeds the line's gross "
                        + l.gross.toPlainString());
            }
            grossTotal = grossTotal.add(l.gross);
            out.add(l);
        }
        engine.requireAmount("purchase " + p.id() + " orderDiscount", p.orderDiscount(), true);
        for (L l : out) {
            l.net = l.gross.subtract(l.line.discount());
        }
        if (p.orderDiscount().signum() > 0) {
            BigDecimal netTotal = grossTotal;
            for (L l : out) {
                netTotal = netTotal.subtract(l.line.discount());
            }
            if (p.orderDiscount().compareTo(netTotal) > 0) {
                throw invalid("purchase " + p.id() + ": orderDiscount " + p.orderDiscount().toPlainString()
                        + " exceeds the lines' net " + netTotal.toPlainString());
            }
            // spread by gross, to the cent; the last line takes the remainder so the shares add up exactly
            BigDecimal gt = grossTotal;
            spread(out, p.orderDiscount(), l -> l.gross.signum() > 0, true, (l, v) -> l.net = l.net.subtract(v), l -> l.gross, gt);
            for (L l : out) {
                if (l.net.signum() < 0) {
                    throw invalid("purchase " + p.id() + ": line " + l.line.line() + " has a negative net after the order discount");
                }
            }
        }
        return out;
    }

    private void spread(List<L> lines, BigDecimal amount, java.util.function.Predicate<L> which, boolean toCent,
                        java.util.function.BiConsumer<L, BigDecimal> sink) {
        BigDecimal base = BigDecimal.ZERO;
        for (L l : lines) {
            if (which.test(l)) {
                base = base.add(l.net);
            }
        }
        spread(lines, amount, which, toCent, sink, l -> l.net, base);
    }

    /** Spreads an amount over the chosen lines in proportion to {@code weight}; shares add up exactly. */
    private void spread(List<L> lines, BigDecimal amount, java.util.function.Predicate<L> which, boolean toCent,
                        java.util.function.BiConsumer<L, BigDecimal> sink, java.util.function.Function<L, BigDecimal> weight,
                        BigDecimal base) {
        List<L> chosen = new ArrayList<>();
        for (L l : lines) {
            if (which.test(l)) {
                chosen.add(l);
            }
        }
        if (chosen.isEmpty() || amount.signum() == 0) {
            return;
        }
        if (base.signum() == 0) {
            return;
        }
        BigDecimal left = amount;
        for (int i = 0; i < chosen.size(); i++) {
            L l = chosen.get(i);
            BigDecimal share;
            if (i == chosen.size() - 1) {
                share = left;
            } else {
                share = amount.multiply(weight.apply(l)).divide(base, MC);
                if (toCent) {
                    share = share.setScale(program.moneyScale(), RoundingMode.HALF_EVEN);
                }
            }
            left = left.subtract(share);
            sink.accept(l, share);
        }
    }

    /** The most points the bill can take: rules, cost floors and the member's balance, in whole steps. */
    private long maxRedeemable(List<L> lines, CashOffset co, long available) {
        if (co == null || available <= 0) {
            return 0;
        }
        BigDecimal eligible = BigDecimal.ZERO;
        for (L l : lines) {
            if (co.eligible(l.line.category()) && l.net.signum() > 0) {
                eligible = eligible.add(l.net);
            }
        }
        if (eligible.signum() == 0) {
            return 0;
        }
        BigDecimal maxValue = eligible.multiply(co.maxShare());
        if (co.respectCost()) {
            for (L l : lines) {
                if (co.eligible(l.line.category()) && l.net.signum() > 0 && l.line.cost() != null) {
                    BigDecimal margin = l.net.subtract(l.line.cost().multiply(l.line.qty()));
                    if (margin.signum() <= 0) {
                        return 0;
                    }
                    maxValue = maxValue.min(margin.multiply(eligible).divide(l.net, MC));
                }
            }
        }
        long pts = maxValue.multiply(BigDecimal.valueOf(co.points())).divide(co.value(), MC)
                .setScale(0, RoundingMode.FLOOR).longValueExact();
        pts = Math.min(pts, available);
        pts -= pts % co.step();
        return pts < co.minPoints() ? 0 : pts;
    }

    private BigDecimal[] splitStoredValue(BigDecimal amount, Purses purses, StoredValuePolicy.Order order) {
        BigDecimal principal = purses.principal().max(BigDecimal.ZERO);
        BigDecimal bonus = purses.bonus().max(BigDecimal.ZERO);
        BigDecimal b;
        switch (order) {
            case PRINCIPAL_FIRST -> b = amount.subtract(principal).max(BigDecimal.ZERO).min(bonus);
            case BONUS_FIRST -> b = amount.min(bonus);
            default -> {
                BigDecimal held = principal.add(bonus);
                if (amount.compareTo(held) >= 0 || held.signum() == 0) {
                    b = bonus;
                } else {
                    BigDecimal p = engine.money(amount.multiply(principal).divide(held, MC));
                    b = amount.subtract(p);
                    if (b.compareTo(bonus) > 0) {
                        b = bonus;
                    }
                }
            }
        }
        return new BigDecimal[] {amount.subtract(b), b};
    }

    // ------------------------------------------------------------------------------------------ earning

    private static final class Earning {
        final Map<String, Long> alloc = new LinkedHashMap<>();
        final Map<String, String> reasons = new HashMap<>();
        final Set<String> capped = new HashSet<>();
    }

    private Earning earn(LedgerReader reader, Book book, Purchase p, Member member, TierLevel tier, MemberView mv,
                         TxView tx, List<L> lines) {
        Map<String, BigDecimal> exact = new LinkedHashMap<>();
        Map<String, Describe> describe = new LinkedHashMap<>();
        Map<EarnRule, Boolean> eventMatch = new HashMap<>();
        List<EarnRule> purchaseRules = new ArrayList<>();
        for (EarnRule r : program.earn()) {
            if (r.on() == Trigger.PURCHASE) {
                purchaseRules.add(r);
                exact.put(r.id(), BigDecimal.ZERO);
            }
        }
        String tierRule = "tier:" + tier.id();
        for (L l : lines) {
            EarnRule rateRule = null;
            List<String> mIds = new ArrayList<>();
            List<BigDecimal> mFactors = new ArrayList<>();
            for (EarnRule r : purchaseRules) {
                boolean isRate = r.award() instanceof Award.Rate;
                boolean isMult = r.award() instanceof Award.Multiplier;
                if ((!isRate && !isMult) || (isRate && rateRule != null)) {
                    continue;
                }
                if (!lineMatches(r, l, member, tier, mv, tx, eventMatch, p)) {
                    continue;
                }
                if (isRate) {
                    rateRule = r;
                } else {
                    mIds.add(r.id());
                    mFactors.add(((Award.Multiplier) r.award()).factor());
                }
            }
            if (rateRule == null) {
                continue;
            }
            Award.Rate rate = (Award.Rate) rateRule.award();
            BigDecimal r;
            if (rate.perUnit()) {
                r = l.net.signum() == 0 ? BigDecimal.ZERO
                        : rate.points().multiply(l.line.qty()).multiply(l.earningNet).divide(l.net, MC);
            } else {
                r = rate.points().multiply(l.earningNet).divide(rate.per(), MC);
            }
            l.ratePoints = r;
            exact.merge(rateRule.id(), r, BigDecimal::add);
            Describe rd = describe.computeIfAbsent(rateRule.id(), k -> new Describe());
            rd.add(l, r);
            rd.rate = rate;
            if (tier.earnMultiplier().compareTo(BigDecimal.ONE) != 0) {
                mIds.add(tierRule);
                mFactors.add(tier.earnMultiplier());
            }
            BigDecimal extraTotal = BigDecimal.ZERO;
            if (!mIds.isEmpty() && r.signum() != 0) {
                BigDecimal[] extras = extras(mFactors, r);
                for (int i = 0; i < mIds.size(); i++) {
                    if (extras[i].signum() == 0) {
                        continue;
                    }
                    exact.merge(mIds.get(i), extras[i], BigDecimal::add);
                    Describe d = describe.computeIfAbsent(mIds.get(i), k -> new Describe());
                    d.add(l, r);
                    d.factor = mFactors.get(i);
                    extraTotal = extraTotal.add(extras[i]);
                }
            }
            l.contribution = r.add(extraTotal);
        }
        // bonus rules, once per purchase on the earning net of their lines
        for (EarnRule r : purchaseRules) {
            if (!(r.award() instanceof Award.Bonus bonus)) {
                continue;
            }
            List<L> matching = new ArrayList<>();
            BigDecimal base = BigDecimal.ZERO;
            for (L l : lines) {
                if (lineMatches(r, l, member, tier, mv, tx, eventMatch, p)) {
                    matching.add(l);
                    base = base.add(l.earningNet);
                }
            }
            if (matching.isEmpty()) {
                continue;
            }
            Award.Bonus.Step reached = null;
            for (Award.Bonus.Step s : bonus.steps()) {
                if (base.compareTo(s.atLeast()) >= 0) {
                    reached = s;
                }
            }
            if (reached == null || reached.points() == 0) {
                continue;
            }
            BigDecimal pts = BigDecimal.valueOf(reached.points());
            exact.merge(r.id(), pts, BigDecimal::add);
            Describe d = describe.computeIfAbsent(r.id(), k -> new Describe());
            d.bonusBase = base;
            d.bonusStep = reached.atLeast();
            for (L l : matching) {
                BigDecimal share = base.signum() == 0 ? pts.divide(BigDecimal.valueOf(matching.size()), MC)
                        : pts.multiply(l.earningNet).divide(base, MC);
                l.contribution = l.contribution.add(share);
            }
        }
        Earning out = new Earning();
        Map<String, Long> alloc = round(exact);
        for (Map.Entry<String, Long> a : alloc.entrySet()) {
            String id = a.getKey();
            long pts = a.getValue();
            Describe d = describe.get(id);
            if (d == null && pts == 0) {
                continue;
            }
            String reason = d == null ? id : d.text(id, tier);
            EarnRule rule = ruleById(id);
            if (rule != null && rule.cap() != null && member != null) {
                long room = engine.capRoom(reader, book, rule, member.id(), p.at());
                if (pts > room) {
                    pts = room;
                    reason += Engine.capNote(rule.cap());
                    out.capped.add(id);
                }
            }
            out.alloc.put(id, pts);
            out.reasons.put(id, reason);
        }
        return out;
    }

    private EarnRule ruleById(String id) {
        for (EarnRule r : program.earn()) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        return null;
    }

    private boolean lineMatches(EarnRule r, L l, Member member, TierLevel tier, MemberView mv, TxView tx,
                                Map<EarnRule, Boolean> eventMatch, Purchase p) {
        if (!r.filter().matchesLine(l.line.sku(), l.line.category())) {
            return false;
        }
        boolean ev = eventMatch.computeIfAbsent(r, k -> engine.matchesEvent(k.filter(), member, tier.id(), p.at(), p.store()));
        if (!ev) {
            return false;
        }
        return r.filter().when() == null || r.filter().when().test(mv, tx, l.view);
    }

    /** The extra points each multiplier adds to {@code r} rate points under the program's combination. */
    private BigDecimal[] extras(List<BigDecimal> factors, BigDecimal r) {
        int n = factors.size();
        BigDecimal[] out = new BigDecimal[n];
        java.util.Arrays.fill(out, BigDecimal.ZERO);
        Combine c = program.multipliers();
        if (c == Combine.MAX) {
            int best = 0;
            for (int i = 1; i < n; i++) {
                if (factors.get(i).compareTo(factors.get(best)) > 0) {
                    best = i;
                }
            }
            out[best] = factors.get(best).subtract(BigDecimal.ONE).multiply(r);
        } else if (c == Combine.ADD) {
            for (int i = 0; i < n; i++) {
                out[i] = factors.get(i).subtract(BigDecimal.ONE).multiply(r);
            }
        } else {
            BigDecimal product = BigDecimal.ONE;
            BigDecimal sumExcess = BigDecimal.ZERO;
            for (BigDecimal f : factors) {
                product = product.multiply(f);
                sumExcess = sumExcess.add(f.subtract(BigDecimal.ONE));
            }
            BigDecimal extra = product.subtract(BigDecimal.ONE).multiply(r);
            if (sumExcess.signum() == 0) {
                out[0] = extra;
            } else {
                BigDecimal given = BigDecimal.ZERO;
                for (int i = 0; i < n - 1; i++) {
                    out[i] = extra.multiply(factors.get(i).subtract(BigDecimal.ONE)).divide(sumExcess, MC);
                    given = given.add(out[i]);
                }
                out[n - 1] = extra.subtract(given);
            }
        }
        return out;
    }

    /**
     * Whole points per rule: rounded once over the exact total ({@code transaction}, the remainder going to the
     * rules with the largest fractions) or per rule ({@code rule}). A negative share (a multiplier below 1)
     * is taken off the largest positive one.
     */
    private Map<String, Long> round(Map<String, BigDecimal> exact) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (program.points().roundingScope() == RoundingScope.RULE) {
            for (Map.Entry<String, BigDecimal> e : exact.entrySet()) {
                out.put(e.getKey(), engine.round(e.getValue()));
            }
        } else {
            BigDecimal total = BigDecimal.ZERO;
            for (BigDecimal v : exact.values()) {
                total = total.add(v);
            }
            long target = engine.round(total);
            long floors = 0;
            List<Map.Entry<String, BigDecimal>> fractions = new ArrayList<>();
            for (Map.Entry<String, BigDecimal> e : exact.entrySet()) {
                BigDecimal f = e.getValue().setScale(12, RoundingMode.HALF_EVEN).setScale(0, RoundingMode.FLOOR);
                out.put(e.getKey(), f.longValueExact());
                floors += f.longValueExact();
                fractions.add(Map.entry(e.getKey(), e.getValue().subtract(f)));
            }
            long left = target - floors;
            fractions.sort((a, b) -> b.getValue().compareTo(a.getValue()));
            for (int i = 0; left > 0 && i < fractions.size(); i++, left--) {
                out.merge(fractions.get(i).getKey(), 1L, Long::sum);
            }
        }
        long negative = 0;
        for (Map.Entry<String, Long> e : out.entrySet()) {
            if (e.getValue() < 0) {
                negative -= e.getValue();
                e.setValue(0L);
            }
        }
        while (negative > 0) {
            String best = null;
            for (Map.Entry<String, Long> e : out.entrySet()) {
                if (e.getValue() > 0 && (best == null || e.getValue() > out.get(best))) {
                    best = e.getKey();
                }
            }
            if (best == null) {
                break;
            }
            long take = Math.min(negative, out.get(best));
            out.put(best, out.get(best) - take);
            negative -= take;
        }
        return out;
    }

    /** Gathers what an earning entry's reason says. */
    private static final class Describe {
        BigDecimal base = BigDecimal.ZERO;
        BigDecimal factor;
        Award.Rate rate;
        BigDecimal bonusBase;
        BigDecimal bonusStep;
        final TreeSet<String> categories = new TreeSet<>();
        BigDecimal units = BigDecimal.ZERO;
        BigDecimal earningNet = BigDecimal.ZERO;

        void add(L l, BigDecimal ratePoints) {
            base = base.add(ratePoints);
            categories.add(l.line.category() == null ? "-" : l.line.category());
            units = units.add(l.line.qty());
            earningNet = earningNet.add(l.earningNet);
        }

        String text(String ruleId, TierLevel tier) {
            String cats = " (" + String.join(", ", categories) + ")";
            if (bonusBase != null) {
                return "bonus for " + plain(bonusBase) + " spent (step " + plain(bonusStep) + ")";
            }
            if (factor != null) {
                String who = ruleId.startsWith("tier:") ? (tier.name() == null ? tier.id() : tier.name()) + " " : "";
                return who + "x" + plain(factor) + " on " + plain(base.setScale(2, RoundingMode.HALF_EVEN)) + " rate points" + cats;
            }
            if (rate != null && rate.perUnit()) {
                return plain(rate.points()) + " pt per unit on " + plain(units) + " unit(s)" + cats;
            }
            if (rate != null) {
                return plain(rate.points()) + " pt per " + rate.per().toPlainString() + " on "
                        + earningNet.setScale(2, RoundingMode.HALF_EVEN).toPlainString() + cats;
            }
            return ruleId + cats;
        }

        private static String plain(BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
    }
}
