package io.loyaltykit.ledger;

import io.loyaltykit.Loyalty;
import io.loyaltykit.Result;
import io.loyaltykit.event.Enroll;
import io.loyaltykit.event.Event;
import io.loyaltykit.event.Purchase;
import io.loyaltykit.event.Return;
import io.loyaltykit.program.Program;
import io.loyaltykit.program.ReturnsPolicy;
import io.loyaltykit.support.EventStreams;
import io.loyaltykit.support.Invariants;
import io.loyaltykit.support.TestPrograms;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of the ledger over random event streams on the salon program. */
class LedgerPropertiesTest {

    private static Loyalty replay(Program program, List<Event> events, List<Result> results) {
        Loyalty loyalty = Loyalty.builder(program).voucherCodes(() -> "CODE").build();
        for (Event e : events) {
            results.add(loyalty.apply(e));
        }
        return loyalty;
    }

    private static Set<String> members(List<Event> events) {
        Set<String> m = new HashSet<>();
        for (Event e : events) {
            if (e instanceof Enroll en) {
                m.add(en.member());
            }
        }
        return m;
    }

    @Property(tries = 1000)
    void lotsMinusDrawsEqualTheBalancesAtEveryInstant(@ForAll long seed, @ForAll ReturnsPolicy policy,
                                                      @ForAll @IntRange(min = 10, max = 60) int size) {
        List<Event> events = EventStreams.generate(seed, 4, size, "", true);
        Loyalty loyalty = replay(TestPrograms.salon(policy), events, new ArrayList<>());
        for (String m : members(events)) {
            Invariants.check(loyalty, m, policy == ReturnsPolicy.ALLOW_NEGATIVE);
        }
    }

    @Property(tries = 1000)
    void replayingAnAppliedEventIsADuplicateAndChangesNothing(@ForAll long seed,
                                                              @ForAll @IntRange(min = 10, max = 50) int size) {
        List<Event> events = EventStreams.generate(seed, 3, size, "", true);
        List<Result> results = new ArrayList<>();
        Loyalty loyalty = replay(TestPrograms.salon(ReturnsPolicy.WITHIN_BALANCE), events, results);
        Map<String, List<LedgerEntry>> before = new HashMap<>();
        for (String m : members(events)) {
            before.put(m, loyalty.history(m));
        }
        Random r = new Random(seed);
        for (int i = 0; i < events.size(); i++) {
            if (results.get(i) instanceof Result.Applied first && r.nextInt(3) == 0) {
                Result again = loyalty.apply(events.get(i));
                assertThat(again).isInstanceOf(Result.Duplicate.class);
                Result.Applied original = ((Result.Duplicate) again).original();
                assertThat(original.points()).isEqualTo(first.points());
                assertThat(original.entries()).containsExactlyInAnyOrderElementsOf(first.entries());
            }
        }
        for (String m : members(events)) {
            assertThat(loyalty.history(m)).isEqualTo(before.get(m));
        }
    }

    @Property(tries = 1000)
    void aReturnNeverReversesMoreThanItsPurchaseEarned(@ForAll long seed, @ForAll ReturnsPolicy policy,
                                                       @ForAll @IntRange(min = 10, max = 60) int size) {
        List<Event> events = EventStreams.generate(seed, 3, size, "", true);
        List<Result> results = new ArrayList<>();
        replay(TestPrograms.salon(policy), events, results);
        Map<String, Long> earned = new HashMap<>();
        Map<String, Long> referral = new HashMap<>();
        Map<String, Long> reversed = new HashMap<>();
        Map<String, Long> referralReversed = new HashMap<>();
        Set<String> wholeReturned = new HashSet<>();
        Map<String, Purchase> purchases = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            if (!(results.get(i) instanceof Result.Applied a)) {
                continue;
            }
            if (events.get(i) instanceof Purchase p) {
                purchases.put(p.id(), p);
            }
            if (events.get(i) instanceof Return ret && ret.isWhole()) {
                wholeReturned.add(ret.original());
            }
            for (LedgerEntry e : a.entries()) {
                if (e instanceof PointsLot l && l.source() == PointsLot.Source.PURCHASE) {
                    earned.merge(l.origin(), l.points(), Long::sum);
                } else if (e instanceof PointsLot l && l.source() == PointsLot.Source.REFERRAL && l.origin() != null) {
                    referral.merge(l.id(), l.points(), Long::sum);
                } else if (e instanceof PointsDebit d && d.kind() == PointsDebit.Kind.REVERSAL && "return".equals(d.rule())) {
                    reversed.merge(d.origin(), d.drawn() + d.forgiven() + d.debt(), Long::sum);
                } else if (e instanceof PointsDebit d && d.kind() == PointsDebit.Kind.REVERSAL && "referral".equals(d.rule())) {
                    for (io.loyaltykit.ledger.Draw w : d.draws()) {
                        referralReversed.merge(w.lot(), w.points(), Long::sum);
                    }
                    referralReversed.merge(d.origin() + "/forgiven", d.forgiven() + d.debt(), Long::sum);
                }
            }
        }
        for (Map.Entry<String, Long> rv : reversed.entrySet()) {
            long e = earned.getOrDefault(rv.getKey(), 0L);
            assertThat(rv.getValue()).as("reversed on %s", rv.getKey()).isLessThanOrEqualTo(e);
        }
        for (String p : wholeReturned) {
            assertThat(reversed.getOrDefault(p, 0L)).as("whole return of %s reverses exactly what it earned", p)
                    .isEqualTo(earned.getOrDefault(p, 0L));
        }
        for (Map.Entry<String, Long> rr : referralReversed.entrySet()) {
            if (referral.containsKey(rr.getKey())) {
                assertThat(rr.getValue()).isLessThanOrEqualTo(referral.get(rr.getKey()));
            }
        }
    }

    @Property(tries = 1000)
    void independentMembersGiveTheSameResultsWhateverTheInterleaving(@ForAll long seed,
                                                                     @ForAll @IntRange(min = 8, max = 30) int size) {
        Program program = TestPrograms.salon(ReturnsPolicy.WITHIN_BALANCE, false);
        List<Event> a = EventStreams.generate(seed, 2, size, "a", false);
        List<Event> b = EventStreams.generate(seed ^ 0x5DEECE66DL, 2, size, "b", false);
        List<Event> serial = new ArrayList<>(a);
        serial.addAll(b);
        List<Event> mixed = new ArrayList<>();
        Random r = new Random(seed);
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (j >= b.size() || (i < a.size() && r.nextBoolean())) {
                mixed.add(a.get(i++));
            } else {
                mixed.add(b.get(j++));
            }
        }
        List<Result> r1 = new ArrayList<>();
        List<Result> r2 = new ArrayList<>();
        Loyalty l1 = replay(program, serial, r1);
        Loyalty l2 = replay(program, mixed, r2);
        Map<String, Result> byId = new HashMap<>();
        for (Result x : r1) {
            byId.put(x.eventId(), x);
        }
        for (Result x : r2) {
            assertThat(x).as("result of %s", x.eventId()).isEqualTo(byId.get(x.eventId()));
        }
        for (String m : members(serial)) {
            assertThat(l2.history(m)).isEqualTo(l1.history(m));
        }
    }
}
