package io.loyaltykit.internal;

import io.loyaltykit.ErrorCode;
import io.loyaltykit.event.Return;
import io.loyaltykit.ledger.Draw;
import io.loyaltykit.ledger.LedgerEntry;
import io.loyaltykit.ledger.Mark;
import io.loyaltykit.ledger.PackageEntry;
import io.loyaltykit.ledger.PackageState;
import io.loyaltykit.ledger.PointsDebit;
import io.loyaltykit.ledger.PointsLot;
import io.loyaltykit.ledger.ValueEntry;
import io.loyaltykit.program.PackageDef;
import io.loyaltykit.program.Program;
import io.loyaltykit.program.ReturnsPolicy;
import io.loyaltykit.program.TierPolicy;
import io.loyaltykit.store.Decision;
import io.loyaltykit.store.EventRecord;
import io.loyaltykit.store.LedgerReader;
import io.loyaltykit.store.LineRecord;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import static io.loyaltykit.internal.Engine.MC;
import static io.loyaltykit.internal.Engine.error;
import static io.loyaltykit.internal.Engine.invalid;

/**
 * Returns: per line or whole, reversal of points in proportion to what the returned units earned
 * (cumulatively, so that returning everything reverses exactly what was awarded), referral awards in the
 * same proportion, stored value credited back, package uses given back, tier metric reduced.
 */
final class ReturnEvaluator {
    private final Engine engine;
    private final Program program;

    ReturnEvaluator(Engine engine) {
        this.engine = engine;
        this.program = engine.program();
    }

    Decision evaluate(LedgerReader reader, Book book, Return r) {
        if (r.original() == null || r.original().isBlank()) {
            throw invalid("return " + r.id() + ": 'original' is required");
        }
        Set<String> ids = new HashSet<>();
        for (Return.ReturnLine l : r.lines()) {
            if (l.line() == null || !ids.add(l.line())) {
                throw invalid("return " + r.id() + ": every returned line needs a unique 'line' id");
            }
            if (l.qty() == null || l.qty().signum() <= 0) {
                throw invalid("return " + r.id() + " line " + l.line() + ": quantity must be positive");
            }
        }
        if (r.member() != null) {
            engine.requireMember(reader, r.member());
        }
        EventRecord orig = reader.event(r.original()).filter(e -> e.type().equals("purchase"))
                .orElseThrow(() -> error(ErrorCode.UNKNOWN_ORIGINAL, "no purchase " + r.original() + " to return"));
        String account = orig.member();
        if (account == null) {
            Optional<Mark> claim = reader.lastMark("walk-in-claim:" + orig.id());
            account = claim.map(Mark::member).orElse(Engine.walkInAccount(orig.id()));
        }
        if (!Objects.equals(r.member(), orig.member()) && !Objects.equals(r.member(), account)) {
            throw error(ErrorCode.UNKNOWN_ORIGINAL, "purchase " + orig.id() + " is not "
                    + (r.member() == null ? "a walk-in purchase" : "a purchase of " + r.member()));
        }
        // quantities
        Map<String, LineRecord> byId = new LinkedHashMap<>();
        for (LineRecord l : orig.lines()) {
            byId.put(l.line(), l);
        }
        Map<String, BigDecimal> before = new LinkedHashMap<>();
        Map<String, BigDecimal> now = new LinkedHashMap<>();
        for (LineRecord l : orig.lines()) {
            before.put(l.line(), BigDecimal.valueOf(reader.markSum("returned:" + orig.id() + ":" + l.line()), 3));
            now.put(l.line(), BigDecimal.ZERO);
        }
        if (r.isWhole()) {
            boolean any = false;
            for (LineRecord l : orig.lines()) {
                BigDecimal left = l.qty().subtract(before.get(l.line()));
                if (left.signum() > 0) {
                    now.put(l.line(), left);
                    any = true;
                }
            }
            if (!any) {
                throw error(ErrorCode.RETURN_EXCEEDS_ORIGINAL, "everything on purchase " + orig.id() + " was already returned");
            }
        } else {
            for (Return.ReturnLine rl : r.lines()) {
                LineRecord l = byId.get(rl.line());
                if (l == null) {
                    throw error(ErrorCode.RETURN_EXCEEDS_ORIGINAL, "line " + rl.line() + " is not on purchase " + orig.id());
                }
                BigDecimal left = l.qty().subtract(before.get(l.line()));
                if (rl.qty().compareTo(left) > 0) {
                    throw error(ErrorCode.RETURN_EXCEEDS_ORIGINAL, "line " + rl.line() + " of purchase " + orig.id()
                            + ": returning " + rl.qty().stripTrailingZeros().toPlainString() + " of "
                            + left.stripTrailingZeros().toPlainString() + " not yet returned");
                }
                if (rl.qty().stripTrailingZeros().scale() > 3) {
                    throw invalid("return " + r.id() + " line " + rl.line() + ": at most 3 decimals of quantity");
                }
                now.put(l.line(), rl.qty());
            }
        }
        boolean all = true;
        BigDecimal shareTarget = BigDecimal.ZERO;
        BigDecimal netAll = BigDecimal.ZERO;
        BigDecimal netReturnedCum = BigDecimal.ZERO;
        BigDecimal qualifyingNow = BigDecimal.ZERO;
        for (LineRecord l : orig.lines()) {
            BigDecimal cum = before.get(l.line()).add(now.get(l.line()));
            if (cum.compareTo(l.qty()) < 0) {
                all = false;
            }
            BigDecimal frac = cum.divide(l.qty(), MC);
            shareTarget = shareTarget.add(l.pointsShare().multiply(frac));
            netAll = netAll.add(l.net());
            netReturnedCum = netReturnedCum.add(l.net().multiply(frac));
            qualifyingNow = qualifyingNow.add(l.qualifying().multiply(now.get(l.line())).divide(l.qty(), MC));
        }
        BigDecimal netFraction = all ? BigDecimal.ONE
                : netAll.signum() == 0 ? BigDecimal.ZERO : netReturnedCum.divide(netAll, MC);
        List<LedgerEntry> origEntries = reader.entriesOfEvent(orig.id());
        Instant at = r.at();

        // the purchase's own points
        long earned = 0;
        for (LedgerEntry e : origEntries) {
            if (e instanceof PointsLot l && (l.source() == PointsLot.Source.PURCHASE || l.source() == PointsLot.Source.WALK_IN)) {
                earned += l.points();
            }
        }
        long target = all ? earned : Math.min(earned, engine.round(shareTarget));
        long reversedBefore = reader.markSum("reversed:" + orig.id());
        long reverse = Math.max(0, target - reversedBefore);
        String reason = "return " + r.id() + " of purchase " + orig.id();
        if (reverse > 0) {
            String acct = account;
            reverse(book, account, reverse, reason, r.store(), at, "return", orig.id(),
                    l -> Objects.equals(l.lot.member(), acct) && orig.id().equals(l.lot.origin())
                            && (l.lot.source() == PointsLot.Source.PURCHASE || l.lot.source() == PointsLot.Source.WALK_IN));
            book.mark("reversed:" + orig.id(), account, reverse);
        }
        // referral awards follow in the same proportion
        for (LedgerEntry e : origEntries) {
            if (e instanceof PointsLot l && l.source() == PointsLot.Source.REFERRAL && l.points() > 0) {
                long t = all ? l.points()
                        : earned == 0 ? engine.round(BigDecimal.valueOf(l.points()).multiply(netFraction))
                        : engine.round(BigDecimal.valueOf(l.points()).multiply(BigDecimal.valueOf(target))
                        .divide(BigDecimal.valueOf(earned), MC));
                t = Math.min(t, l.points());
                long done = reader.markSum("reversed:" + orig.id() + ":" + l.id());
                long rev = Math.max(0, t - done);
                if (rev > 0) {
                    reverse(book, l.member(), rev, "referral award of " + orig.id() + " reversed by return " + r.id(),
                            r.store(), at, "referral", orig.id(), x -> x.lot.id().equals(l.id()));
                    book.mark("reversed:" + orig.id() + ":" + l.id(), l.member(), rev);
                }
            }
        }
        // stored value credited back, principal and bonus apart
        BigDecimal principalDrawn = BigDecimal.ZERO;
        BigDecimal bonusDrawn = BigDecimal.ZERO;
        for (LedgerEntry e : origEntries) {
            if (e instanceof ValueEntry v && v.amount().signum() < 0) {
                if (v.purse() == ValueEntry.Purse.PRINCIPAL) {
                    principalDrawn = principalDrawn.subtract(v.amount());
                } else {
                    bonusDrawn = bonusDrawn.subtract(v.amount());
                }
            }
        }
        creditBack(reader, book, account, orig, r, ValueEntry.Purse.PRINCIPAL, principalDrawn, netFraction, all);
        creditBack(reader, book, account, orig, r, ValueEntry.Purse.BONUS, bonusDrawn, netFraction, all);
        // package uses given back; packages bought taken back
        packages(reader, book, account, orig, r, origEntries, before, now);
        // tier metric
        if (account != null && orig.member() != null) {
            BigDecimal q;
            if (program.tiers().metric() == TierPolicy.Metric.VISITS) {
                q = all ? BigDecimal.ONE.negate() : BigDecimal.ZERO;
            } else {
                q = qualifyingNow.negate().setScale(program.moneyScale() + 2, RoundingMode.HALF_EVEN).stripTrailingZeros();
            }
            if (q.signum() != 0) {
                engine.qualifying(book, account, r.id(), at, q);
            }
        }
        for (LineRecord l : orig.lines()) {
            BigDecimal q = now.get(l.line());
            if (q.signum() > 0) {
                book.mark("returned:" + orig.id() + ":" + l.line(), account, q.movePointRight(3).longValueExact());
            }
        }
        long points = book.pointsDelta(account);
        EventRecord rec = engine.record(r, r.member(), points, null, null, r.store(), orig.id(), List.of());
        return new Decision(rec, book.entries(), null);
    }

    private void creditBack(LedgerReader reader, Book book, String account, EventRecord orig, Return r,
                            ValueEntry.Purse purse, BigDecimal drawn, BigDecimal fraction, boolean all) {
        if (drawn.signum() == 0) {
            return;
        }
        String key = "sv-returned:" + orig.id() + ":" + purse.name().toLowerCase(java.util.Locale.ROOT);
        BigDecimal done = BigDecimal.valueOf(reader.markSum(key), program.moneyScale());
        BigDecimal target = all ? drawn : engine.money(drawn.multiply(fraction));
        BigDecimal credit = target.subtract(done);
        if (credit.signum() > 0) {
            book.add(new ValueEntry(book.nextId(), account, r.id(), credit.toPlainString() + " back to "
                    + purse.name().toLowerCase(java.util.Locale.ROOT) + " on return of " + orig.id(), purse, credit,
                    r.at(), orig.id(), r.store()));
            book.mark(key, account, credit.movePointRight(program.moneyScale()).longValueExact());
        }
    }

    private void packages(LedgerReader reader, Book book, String account, EventRecord orig, Return r,
                          List<LedgerEntry> origEntries, Map<String, BigDecimal> before, Map<String, BigDecimal> now) {
        // uses drawn by the purchase go back as covered units come back
        Map<String, List<PackageEntry>> usesByPackage = new LinkedHashMap<>();
        for (LedgerEntry e : origEntries) {
            if (e instanceof PackageEntry p && p.uses() < 0) {
                usesByPackage.computeIfAbsent(p.packageId(), k -> new ArrayList<>()).add(p);
            }
        }
        for (Map.Entry<String, List<PackageEntry>> u : usesByPackage.entrySet()) {
            PackageDef def = program.pkg(u.getKey());
            long used = 0;
            for (PackageEntry p : u.getValue()) {
                used -= p.uses();
            }
            BigDecimal units = BigDecimal.ZERO;
            for (LineRecord l : orig.lines()) {
                if (def != null && def.covers().contains(l.sku())) {
                    units = units.add(before.get(l.line())).add(now.get(l.line()));
                }
            }
            long target = Math.min(used, units.setScale(0, RoundingMode.FLOOR).longValueExact());
            String key = "package-returned:" + orig.id() + ":" + u.getKey();
            long back = target - reader.markSum(key);
            if (back <= 0) {
                continue;
            }
            book.mark(key, account, back);
            for (PackageEntry p : u.getValue()) {
                if (back == 0) {
                    break;
                }
                long give = Math.min(back, -p.uses());
                back -= give;
                book.add(new PackageEntry(book.nextId(), account, r.id(), give + " use(s) of " + p.packageId()
                        + " given back on return of " + orig.id(), p.packageId(), p.grant(), give, r.at(), p.expiresAt(), orig.id()));
            }
        }
        // a package bought on the purchase: its unused uses are taken back
        Map<String, PackageDef> bySku = program.packagesBySku();
        for (LedgerEntry e : origEntries) {
            if (e instanceof PackageEntry g && g.isGrant()) {
                PackageDef def = program.pkg(g.packageId());
                if (def == null) {
                    continue;
                }
                BigDecimal returnedUnits = BigDecimal.ZERO;
                for (LineRecord l : orig.lines()) {
                    if (def.sku().equals(l.sku())) {
                        returnedUnits = returnedUnits.add(now.get(l.line()));
                    }
                }
                if (returnedUnits.signum() == 0 || bySku.get(def.sku()) == null) {
                    continue;
                }
                long want = def.uses() * returnedUnits.setScale(0, RoundingMode.FLOOR).longValueExact();
                long left = 0;
                for (PackageState s : reader.packages(account, r.at())) {
                    if (s.grant().id().equals(g.id())) {
                        left = s.remaining();
                    }
                }
                long take = Math.min(want, left);
                if (take > 0) {
                    book.add(new PackageEntry(book.nextId(), account, r.id(), take + " unused use(s) of " + def.name()
                            + " taken back on return of " + orig.id(), def.id(), g.id(), -take, r.at(), g.expiresAt(), orig.id()));
                }
            }
        }
    }

    /**
     * Reverses {@code amount} points of a member under the program's returns policy: first from the lots
     * {@code own} picks, then (within_balance, allow_negative) from the available balance; the rest is
     * forgiven or, under allow_negative, owed.
     */
    void reverse(Book book, String member, long amount, String reason, String store, Instant at, String rule,
                 String origin, Predicate<Book.MutableLot> own) {
        ReturnsPolicy policy = program.points().returns();
        Predicate<Book.MutableLot> first = policy == ReturnsPolicy.ONLY_PENDING
                ? l -> own.test(l) && l.lot.pendingAt(at)
                : l -> own.test(l) && l.liveAt(at);
        List<Draw> draws = new ArrayList<>(book.draw(member, amount, first));
        long left = amount - Book.sum(draws);
        long forgiven = 0;
        long debt = 0;
        if (left > 0) {
            if (policy == ReturnsPolicy.ONLY_PENDING || member.startsWith(Engine.WALK_IN_PREFIX)) {
                forgiven = left;
            } else {
                long avail = Math.max(0, book.available(member));
                List<Draw> more = book.drawAvailable(member, Math.min(left, avail));
                draws.addAll(more);
                left -= Book.sum(more);
                if (policy == ReturnsPolicy.ALLOW_NEGATIVE) {
                    debt = left;
                } else {
                    forgiven = left;
                }
            }
        }
        String why = reason + (forgiven > 0 ? "; " + forgiven + " forgiven (" + policy.name().toLowerCase(java.util.Locale.ROOT) + ")" : "")
                + (debt > 0 ? "; " + debt + " owed" : "");
        book.debit(member, rule, why, PointsDebit.Kind.REVERSAL, draws, forgiven, debt, origin, store, null);
    }

    /** Reverses points of a refunded top-up, whose lots carry its id as {@code origin}. */
    void reverseTopUp(Book book, String member, long amount, String origin, String reason, Instant at) {
        reverse(book, member, amount, reason, null, at, "topup-refund", origin,
                l -> Objects.equals(l.lot.member(), member) && origin.equals(l.lot.origin()));
    }
}
