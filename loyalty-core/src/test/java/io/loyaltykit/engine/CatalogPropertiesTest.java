package io.loyaltykit.engine;

import io.loyaltykit.Loyalty;
import io.loyaltykit.Result;
import io.loyaltykit.event.Event;
import io.loyaltykit.event.Line;
import io.loyaltykit.event.Purchase;
import io.loyaltykit.event.Return;
import io.loyaltykit.ledger.Ledger;
import io.loyaltykit.ledger.LedgerEntry;
import io.loyaltykit.ledger.PackageEntry;
import io.loyaltykit.ledger.PackageState;
import io.loyaltykit.ledger.PointsDebit;
import io.loyaltykit.ledger.PointsLot;
import io.loyaltykit.ledger.ValueEntry;
import io.loyaltykit.program.CashOffset;
import io.loyaltykit.program.Program;
import io.loyaltykit.program.ReferralPolicy;
import io.loyaltykit.program.ReturnsPolicy;
import io.loyaltykit.support.EventStreams;
import io.loyaltykit.support.TestPrograms;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of stored value, packages, the cash offset and referral awards over random streams. */
class CatalogPropertiesTest {

    private record Run(Program program, List<Event> events, List<Result> results, Loyalty loyalty) {
    }

    private static Run run(long seed, int size, ReturnsPolicy policy) {
        Program program = TestPrograms.salon(policy);
        List<Event> events = EventStreams.generate(seed, 4, size, "", true);
        Loyalty l = Loyalty.builder(program).voucherCodes(() -> "CODE").build();
        List<Result> results = new ArrayList<>();
        for (Event e : events) {
            results.add(l.apply(e));
        }
        return new Run(program, events, results, l);
    }

    private static List<LedgerEntry> applied(Run r) {
        List<LedgerEntry> all = new ArrayList<>();
        for (Result x : r.results()) {
            if (x instanceof Result.Applied a) {
                all.addAll(a.entries());
            }
        }
        return all;
    }

    @Property(tries = 1000)
    void storedValueIsConservedAndReturnsNeverCreditMoreThanWasDrawn(@ForAll long seed,
                                                                      @ForAll @IntRange(min = 10, max = 60) int size) {
        Run r = run(seed, size, ReturnsPolicy.WITHIN_BALANCE);
        Map<String, BigDecimal> drawn = new HashMap<>();
        Map<String, BigDecimal> credited = new HashMap<>();
        Map<String, BigDecimal> sums = new HashMap<>();
        for (LedgerEntry e : applied(r)) {
            if (!(e instanceof ValueEntry v)) {
                continue;
            }
            sums.merge(v.member() + "/" + v.purse(), v.amount(), BigDecimal::add);
            String key = v.origin() + "/" + v.purse();
            if (v.origin() != null && v.eventId().equals(v.origin()) && v.amount().signum() < 0) {
                drawn.merge(key, v.amount().negate(), BigDecimal::add);
            } else if (v.origin() != null && v.amount().signum() > 0) {
                credited.merge(key, v.amount(), BigDecimal::add);
            }
        }
        for (Map.Entry<String, BigDecimal> c : credited.entrySet()) {
            assertThat(c.getValue()).as("credited back on %s", c.getKey())
                    .isLessThanOrEqualTo(drawn.getOrDefault(c.getKey(), BigDecimal.ZERO));
        }
        Instant end = r.events().get(r.events().size() - 1).at();
        Set<String> members = new HashSet<>();
        for (Event e : r.events()) {
            members.add(e.member());
        }
        for (String m : members) {
            var purses = r.loyalty().account(m, end).storedValue();
            assertThat(purses.principal()).isEqualByComparingTo(sums.getOrDefault(m + "/PRINCIPAL", BigDecimal.ZERO));
            assertThat(purses.bonus()).isEqualByComparingTo(sums.getOrDefault(m + "/BONUS", BigDecimal.ZERO));
            assertThat(purses.principal().signum()).isGreaterThanOrEqualTo(0);
            assertThat(purses.bonus().signum()).isGreaterThanOrEqualTo(0);
        }
    }

    @Property(tries = 1000)
    void packageUsesStayBetweenZeroAndWhatWasBought(@ForAll long seed, @ForAll @IntRange(min = 10, max = 60) int size) {
        Run r = run(seed, size, ReturnsPolicy.WITHIN_BALANCE);
        Set<String> members = new HashSet<>();
        for (Event e : r.events()) {
            members.add(e.member());
        }
        for (String m : members) {
            List<LedgerEntry> h = r.loyalty().history(m);
            TreeSet<Instant> instants = new TreeSet<>();
            Map<String, Long> granted = new HashMap<>();
            for (LedgerEntry e : h) {
                instants.add(e.at());
                if (e instanceof PackageEntry p && p.isGrant()) {
                    granted.put(p.id(), p.uses());
                }
            }
            for (Instant t : instants) {
                for (PackageState s : Ledger.packages(h, t)) {
                    assertThat(s.remaining()).as("uses of %s at %s", s.grant().id(), t)
                            .isBetween(0L, granted.get(s.grant().id()));
                }
            }
        }
    }

    @Property(tries = 1000)
    void anOffsetNeverExceedsTheShareNorTakesALineBelowCost(@ForAll long seed,
                                                            @ForAll @IntRange(min = 10, max = 60) int size) {
        Run r = run(seed, size, ReturnsPolicy.WITHIN_BALANCE);
        CashOffset co = r.program().cashOffset();
        for (int i = 0; i < r.events().size(); i++) {
            if (!(r.events().get(i) instanceof Purchase p) || !(r.results().get(i) instanceof Result.Applied a)
                    || p.redeemPoints() == 0) {
                continue;
            }
            long spent = a.entries().stream().filter(e -> e instanceof PointsDebit d && d.kind() == PointsDebit.Kind.OFFSET)
                    .mapToLong(e -> ((PointsDebit) e).drawn()).sum();
            assertThat(spent).isEqualTo(p.redeemPoints());
            assertThat(spent % co.step()).isZero();
            assertThat(spent).isGreaterThanOrEqualTo(co.minPoints());
            BigDecimal value = BigDecimal.valueOf(spent).multiply(co.value()).divide(BigDecimal.valueOf(co.points()));
            BigDecimal eligible = BigDecimal.ZERO;
            for (Line l : p.lines()) {
                if (co.eligible(l.category())) {
                    eligible = eligible.add(l.gross());
                }
            }
            assertThat(value).isLessThanOrEqualTo(eligible.multiply(co.maxShare()));
            for (Line l : p.lines()) {
                if (co.eligible(l.category()) && l.cost() != null) {
                    BigDecimal share = value.multiply(l.gross()).divide(eligible, MathContext.DECIMAL64);
                    assertThat(l.gross().subtract(share)).as("line %s of %s after its offset share", l.line(), p.id())
                            .isGreaterThanOrEqualTo(l.cost().multiply(l.qty()).subtract(new BigDecimal("0.01")));
                }
            }
        }
    }

    @Property(tries = 1000)
    void referralAwardsNeverExceedTheLevelsNorTheCaps(@ForAll long seed, @ForAll @IntRange(min = 10, max = 80) int size) {
        Run r = run(seed, size, ReturnsPolicy.WITHIN_BALANCE);
        ReferralPolicy rp = r.program().referral();
        long maxLevel = rp.refereePoints();
        for (ReferralPolicy.Level lv : rp.levels()) {
            maxLevel = Math.max(maxLevel, lv.points());
        }
        Map<String, Long> perMemberYear = new HashMap<>();
        Map<String, Integer> perEvent = new HashMap<>();
        for (LedgerEntry e : applied(r)) {
            if (e instanceof PointsLot l && l.source() == PointsLot.Source.REFERRAL) {
                assertThat(l.points()).isBetween(0L, maxLevel);
                int year = l.earnedAt().atZone(ZoneId.of("Asia/Shanghai")).getYear();
                perMemberYear.merge(l.member() + "/" + year, l.points(), Long::sum);
                perEvent.merge(l.eventId(), 1, Integer::sum);
            }
        }
        assertThat(perMemberYear.values()).allMatch(v -> v <= rp.cap().points());
        assertThat(perEvent.values()).allMatch(n -> n <= 1 + rp.levels().size());
        // first_purchase: at most one triggering purchase per referee
        Map<String, Integer> triggers = new HashMap<>();
        for (int i = 0; i < r.events().size(); i++) {
            if (r.events().get(i) instanceof Purchase p && r.results().get(i) instanceof Result.Applied a
                    && a.entries().stream().anyMatch(e -> e instanceof PointsLot l && l.source() == PointsLot.Source.REFERRAL)) {
                triggers.merge(p.member(), 1, Integer::sum);
            }
            if (r.events().get(i) instanceof Return) {
                continue;
            }
        }
        assertThat(triggers.values()).allMatch(n -> n == 1);
    }
}
