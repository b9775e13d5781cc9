package io.loyaltykit.internal;

import io.loyaltykit.ledger.Draw;
import io.loyaltykit.ledger.LedgerEntry;
import io.loyaltykit.ledger.LotState;
import io.loyaltykit.ledger.Mark;
import io.loyaltykit.ledger.PointsDebit;
import io.loyaltykit.ledger.PointsLot;
import io.loyaltykit.program.Program;
import io.loyaltykit.program.SpendOrder;
import io.loyaltykit.store.LedgerReader;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One evaluation's working copy of the accounts it touches: open lots with what this evaluation drew,
 * debt, and the entries written so far (ids {@code eventId#n}). Nothing here reaches the store.
 */
final class Book {
    private final Program program;
    private final LedgerReader reader;
    private final String eventId;
    private final Instant at;
    private final List<LedgerEntry> entries = new ArrayList<>();
    private final Map<String, List<MutableLot>> lots = new HashMap<>();
    private final Map<String, Long> debt = new HashMap<>();
    private int seq;

    Book(Program program, LedgerReader reader, String eventId, Instant at) {
        this.program = program;
        this.reader = reader;
        this.eventId = eventId;
        this.at = at;
    }

    static final class MutableLot {
        final PointsLot lot;
        long remaining;

        MutableLot(PointsLot lot, long remaining) {
            this.lot = lot;
            this.remaining = remaining;
        }

        boolean availableAt(Instant t) {
            return !lot.pendingAt(t) && !lot.expiredAt(t);
        }

        boolean liveAt(Instant t) {
            return !lot.expiredAt(t);
        }
    }

    String nextId() {
        return eventId + "#" + (++seq);
    }

    List<LedgerEntry> entries() {
        return entries;
    }

    void add(LedgerEntry e) {
        entries.add(e);
    }

    void mark(String key, String member, long value) {
        entries.add(new Mark(nextId(), key, member, eventId, at, value));
    }

    private String key(String member) {
        return member == null ? "\u0000walk-in" : member;
    }

    List<MutableLot> lots(String member) {
        return lots.computeIfAbsent(key(member), k -> {
            List<MutableLot> l = new ArrayList<>();
            if (member != null) {
                for (LotState s : reader.openLots(member)) {
                    l.add(new MutableLot(s.lot(), s.remaining()));
                }
            }
            return l;
        });
    }

    long debt(String member) {
        if (member == null) {
            return 0;
        }
        return debt.computeIfAbsent(member, reader::debt);
    }

    /** Available points of a member at the evaluation instant (net of debt). */
    long available(String member) {
        long sum = 0;
        for (MutableLot l : lots(member)) {
            if (l.availableAt(at)) {
                sum += l.remaining;
            }
        }
        return sum - debt(member);
    }

    /**
     * Credits a lot; a member in debt repays it from the new lot at once (the balance is unchanged by the
     * repayment, only the debt shrinks).
     */
    PointsLot credit(String member, String rule, String reason, PointsLot.Source source, long points,
                     Instant earnedAt, Instant maturesAt, Instant expiresAt, String origin, String store) {
        PointsLot lot = new PointsLot(nextId(), member, eventId, rule, reason, source, points, earnedAt, maturesAt,
                expiresAt, origin, store);
        entries.add(lot);
        MutableLot m = new MutableLot(lot, points);
        lots(member).add(m);
        long owed = debt(member);
        if (owed > 0 && points > 0) {
            long repay = Math.min(owed, points);
            m.remaining -= repay;
            debt.put(member, owed - repay);
            entries.add(new PointsDebit(nextId(), member, eventId, rule, "repays " + repay + " points owed",
                    PointsDebit.Kind.REPAY, at, List.of(new Draw(lot.id(), repay)), 0, -repay, origin, store, null));
        }
        return lot;
    }

    private Comparator<MutableLot> spendOrder() {
        Comparator<MutableLot> fifo = Comparator.<MutableLot, Instant>comparing(l -> l.lot.earnedAt())
                .thenComparing(l -> l.lot.id());
        if (program.points().spendOrder() == SpendOrder.FIFO) {
            return fifo;
        }
        return Comparator.<MutableLot, Instant>comparing(l -> l.lot.expiresAt(),
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(fifo);
    }

    /** Draws up to {@code wanted} points from the member's lots passing {@code which}, in spend order. */
    List<Draw> draw(String member, long wanted, Predicate<MutableLot> which) {
        List<Draw> draws = new ArrayList<>();
        if (wanted <= 0) {
            return draws;
        }
        List<MutableLot> candidates = new ArrayList<>();
        for (MutableLot l : lots(member)) {
            if (l.remaining > 0 && which.test(l)) {
                candidates.add(l);
            }
        }
        candidates.sort(spendOrder());
        long left = wanted;
        for (MutableLot l : candidates) {
            if (left == 0) {
                break;
            }
            long take = Math.min(left, l.remaining);
            l.remaining -= take;
            left -= take;
            draws.add(new Draw(l.lot.id(), take));
        }
        return draws;
    }

    /** Draws available points. */
    List<Draw> drawAvailable(String member, long wanted) {
        return draw(member, wanted, l -> l.availableAt(at));
    }

    static long sum(List<Draw> draws) {
        long s = 0;
        for (Draw d : draws) {
            s += d.points();
        }
        return s;
    }

    /** Records a debit. */
    PointsDebit debit(String member, String rule, String reason, PointsDebit.Kind kind, List<Draw> draws,
                      long forgiven, long newDebt, String origin, String store, String voucher) {
        if (newDebt != 0) {
            debt.put(member, debt(member) + newDebt);
        }
        PointsDebit d = new PointsDebit(nextId(), member, eventId, rule, reason, kind, at, draws, forgiven, newDebt,
                origin, store, voucher);
        entries.add(d);
        return d;
    }

    /** Net change of a member's points (available + pending) made by the entries so far. */
    long pointsDelta(String member) {
        long s = 0;
        for (LedgerEntry e : entries) {
            if (e instanceof PointsLot l && java.util.Objects.equals(l.member(), member)) {
                s += l.points();
            } else if (e instanceof PointsDebit d && java.util.Objects.equals(d.member(), member)) {
                s += d.pointsDelta();
            }
        }
        return s;
    }
}
