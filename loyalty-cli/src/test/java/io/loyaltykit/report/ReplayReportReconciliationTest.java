package io.loyaltykit.report;

import io.loyaltykit.Account;
import io.loyaltykit.Loyalty;
import io.loyaltykit.event.Event;
import io.loyaltykit.ledger.PointsBalance;
import io.loyaltykit.program.Program;
import io.loyaltykit.program.ReturnsPolicy;
import io.loyaltykit.report.ReplayReport.Period;
import io.loyaltykit.store.LoyaltyStore;
import io.loyaltykit.support.EventStreams;
import io.loyaltykit.support.TestPrograms;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On random salon streams (every returns policy, with referrals, stored value, offsets, returns, refunds,
 * adjustments and expiry), the report agrees with the facade member by member at several instants, and
 * its series add up: issued − redeemed − reversed − expired is what members hold, period after period.
 */
class ReplayReportReconciliationTest {

    static Stream<Arguments> streams() {
        return Stream.of(
                Arguments.of(11L, ReturnsPolicy.WITHIN_BALANCE),
                Arguments.of(10L, ReturnsPolicy.ALLOW_NEGATIVE),
                Arguments.of(13L, ReturnsPolicy.ONLY_PENDING),
                Arguments.of(5L, ReturnsPolicy.ALLOW_NEGATIVE),
                Arguments.of(15L, ReturnsPolicy.WITHIN_BALANCE));
    }

    @ParameterizedTest(name = "seed {0}, {1}")
    @MethodSource("streams")
    void reportAgreesWithTheFacadeAndAddsUp(long seed, ReturnsPolicy returns) {
        Program program = TestPrograms.salon(returns, false);
        LoyaltyStore store = LoyaltyStore.inMemory();
        Loyalty loyalty = Loyalty.builder(program).store(store).build();
        List<Event> events = EventStreams.generate(seed, 25, 450, "", true);
        events.forEach(loyalty::apply);
        Instant first = events.get(0).at();
        Instant last = events.get(events.size() - 1).at();
        Duration span = Duration.between(first, last);
        for (int i = 1; i <= 4; i++) {
            Instant asOf = first.plus(span.multipliedBy(i).dividedBy(4));
            for (ReplayReport.Granularity g : ReplayReport.Granularity.values()) {
                check(program, store, loyalty, asOf, g);
            }
        }
        // long after the last event: everything earned has expired or been spent
        Instant later = last.plus(Duration.ofDays(800));
        ReplayReport end = check(program, store, loyalty, later, null);
        assertThat(end.totals().available() + end.totals().pending()).isZero();
        assertThat(end.totals().expired()).isPositive();
        if (returns == ReturnsPolicy.ALLOW_NEGATIVE) {
            // these streams leave debt unpaid, so the owed side of the figures is exercised
            assertThat(end.totals().owed()).isPositive();
        }
    }

    private static ReplayReport check(Program program, LoyaltyStore store, Loyalty loyalty, Instant asOf,
                                      ReplayReport.Granularity g) {
        ReplayReport.Builder b = ReplayReport.builder(program, store).asOf(asOf).top(1000);
        ReplayReport r = (g == null ? b : b.granularity(g)).collect();
        ReplayReport.Totals t = r.totals();

        long available = 0;
        long pending = 0;
        long owed = 0;
        long expired = 0;
        long redeemed = 0;
        long forgiven = 0;
        long members = 0;
        BigDecimal principal = BigDecimal.ZERO;
        BigDecimal bonus = BigDecimal.ZERO;
        Map<String, Long> tiers = new HashMap<>();
        List<String> ids = store.read(rd -> rd.memberIds());
        for (String id : ids) {
            if (store.read(rd -> rd.member(id)).orElseThrow().enrolledAt().isAfter(asOf)) {
                continue;
            }
            members++;
            Account a = loyalty.account(id, asOf);
            PointsBalance p = a.points();
            available += Math.max(0, p.available());
            owed += Math.max(0, -p.available());
            pending += p.pending();
            expired += p.expired();
            redeemed += p.redeemed();
            forgiven += p.forgiven();
            principal = principal.add(a.storedValue().principal());
            bonus = bonus.add(a.storedValue().bonus());
            tiers.merge(a.tier(), 1L, Long::sum);
        }
        String at = "as of " + asOf + " by " + r.granularity();
        assertThat(t.members()).as(at).isEqualTo(members);
        assertThat(t.available()).as(at).isEqualTo(available);
        assertThat(t.pending()).as(at).isEqualTo(pending);
        assertThat(t.owed()).as(at).isEqualTo(owed);
        assertThat(t.expired()).as(at).isEqualTo(expired);
        assertThat(t.redeemed()).as(at).isEqualTo(redeemed);
        assertThat(t.forgiven()).as(at).isEqualTo(forgiven);
        assertThat(t.principal().amount()).as(at).isEqualByComparingTo(principal);
        assertThat(t.bonus().amount()).as(at).isEqualByComparingTo(bonus);
        for (ReplayReport.TierCount c : r.tiers()) {
            assertThat(c.members()).as(at + " tier " + c.level()).isEqualTo(tiers.getOrDefault(c.level(), 0L));
        }
        // 100 points = 1.00: the value is the points moved two places
        assertThat(t.availableValue().amount()).isEqualByComparingTo(BigDecimal.valueOf(available, 2));

        // the flows account for every point held
        assertThat(t.issued() - t.redeemed() - t.reversed() - t.expired()).as(at).isEqualTo(t.outstanding());
        List<Period> periods = r.periods();
        assertThat(periods.get(periods.size() - 1).outstanding()).as(at).isEqualTo(t.outstanding());
        assertThat(periods.get(periods.size() - 1).principal()).isEqualTo(t.principal());
        assertThat(periods.get(periods.size() - 1).bonus()).isEqualTo(t.bonus());
        assertThat(periods.stream().mapToLong(Period::issued).sum()).isEqualTo(t.issued());
        assertThat(periods.stream().mapToLong(Period::redeemed).sum()).isEqualTo(t.redeemed());
        assertThat(periods.stream().mapToLong(Period::reversed).sum()).isEqualTo(t.reversed());
        assertThat(periods.stream().mapToLong(Period::expired).sum()).isEqualTo(t.expired());
        long running = 0;
        for (int i = 0; i < periods.size(); i++) {
            Period p = periods.get(i);
            running += p.issued() - p.redeemed() - p.reversed() - p.expired();
            assertThat(p.outstanding()).isEqualTo(running);
            assertThat(p.start()).isBefore(p.end());
            if (i > 0) {
                assertThat(p.start()).isEqualTo(periods.get(i - 1).end());
            }
            assertThat(p.issued()).isNotNegative();
            assertThat(p.redeemed()).isNotNegative();
            assertThat(p.expired()).isNotNegative();
        }
        assertThat(periods.get(periods.size() - 1).end())
                .isAfter(asOf.atZone(program.zone()).toLocalDate());
        // every rule's lots together are every point issued
        assertThat(r.topRules().stream().mapToLong(ReplayReport.RuleTotal::awarded).sum()).isEqualTo(t.issued());
        assertThat(r.topReferrers()).isSortedAccordingTo((x, y) -> Long.compare(y.points(), x.points()));
        return r;
    }
}
