package io.loyaltykit.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Derivations from ledger entries: the reference definition of every balance. Stores may answer faster
 * (running totals, SQL), but must agree with these.
 *
 * <pre>{@code
 * PointsBalance b = Ledger.points(store.read(r -> r.history("m1")), Instant.now());
 * }</pre>
 */
public final class Ledger {
    private Ledger() {
    }

    /** Points as of {@code asOf}: only entries at or before it count. */
    public static PointsBalance points(List<LedgerEntry> entries, Instant asOf) {
        Map<String, PointsLot> lots = new LinkedHashMap<>();
        Map<String, Long> drawn = new HashMap<>();
        long debt = 0;
        long redeemed = 0;
        long forgiven = 0;
        for (LedgerEntry e : entries) {
            if (e instanceof PointsLot l && !l.earnedAt().isAfter(asOf)) {
                lots.put(l.id(), l);
            } else if (e instanceof PointsDebit d && !d.at().isAfter(asOf)) {
                for (Draw w : d.draws()) {
                    drawn.merge(w.lot(), w.points(), Long::sum);
                }
                debt += d.debt();
                forgiven += d.forgiven();
                if (d.isSpend()) {
                    redeemed += d.drawn() + d.debt();
                }
            }
        }
        long available = 0;
        long pending = 0;
        long expired = 0;
        for (PointsLot l : lots.values()) {
            long remaining = l.points() - drawn.getOrDefault(l.id(), 0L);
            if (l.expiredAt(asOf)) {
                expired += remaining;
            } else if (l.pendingAt(asOf)) {
                pending += remaining;
            } else {
                available += remaining;
            }
        }
        return new PointsBalance(available - debt, pending, expired, redeemed, forgiven);
    }

    /** Stored value as of {@code asOf}. */
    public static Purses purses(List<LedgerEntry> entries, Instant asOf) {
        BigDecimal principal = BigDecimal.ZERO;
        BigDecimal bonus = BigDecimal.ZERO;
        for (LedgerEntry e : entries) {
            if (e instanceof ValueEntry v && !v.at().isAfter(asOf)) {
                if (v.purse() == ValueEntry.Purse.PRINCIPAL) {
                    principal = principal.add(v.amount());
                } else {
                    bonus = bonus.add(v.amount());
                }
            }
        }
        return new Purses(principal, bonus);
    }

    /** Open package grants as of {@code asOf}: uses left per grant, expired grants left out. */
    public static List<PackageState> packages(List<LedgerEntry> entries, Instant asOf) {
        Map<String, PackageEntry> grants = new LinkedHashMap<>();
        Map<String, Long> uses = new HashMap<>();
        for (LedgerEntry e : entries) {
            if (e instanceof PackageEntry p && !p.at().isAfter(asOf)) {
                if (p.isGrant()) {
                    grants.put(p.id(), p);
                }
                uses.merge(p.grant(), p.uses(), Long::sum);
            }
        }
        List<PackageState> out = new ArrayList<>();
        for (PackageEntry g : grants.values()) {
            if (g.expiresAt() == null || g.expiresAt().isAfter(asOf)) {
                out.add(new PackageState(g, uses.getOrDefault(g.id(), 0L)));
            }
        }
        return out;
    }

    /** Lots with points left (now, counting every debit recorded), in ledger order. */
    public static List<LotState> openLots(List<LedgerEntry> entries) {
        Map<String, PointsLot> lots = new LinkedHashMap<>();
        Map<String, Long> drawn = new HashMap<>();
        for (LedgerEntry e : entries) {
            if (e instanceof PointsLot l) {
                lots.put(l.id(), l);
            } else if (e instanceof PointsDebit d) {
                for (Draw w : d.draws()) {
                    drawn.merge(w.lot(), w.points(), Long::sum);
                }
            }
        }
        List<LotState> out = new ArrayList<>();
        for (PointsLot l : lots.values()) {
            long d = drawn.getOrDefault(l.id(), 0L);
            if (l.points() - d > 0) {
                out.add(new LotState(l, d));
            }
        }
        return out;
    }

    /** Outstanding debt (now). */
    public static long debt(List<LedgerEntry> entries) {
        long debt = 0;
        for (LedgerEntry e : entries) {
            if (e instanceof PointsDebit d) {
                debt += d.debt();
            }
        }
        return debt;
    }
}
