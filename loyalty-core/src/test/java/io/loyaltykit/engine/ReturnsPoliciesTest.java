package io.loyaltykit.engine;

import io.loyaltykit.Loyalty;
import io.loyaltykit.event.Adjust;
import io.loyaltykit.event.Purchase;
import io.loyaltykit.event.Redeem;
import io.loyaltykit.event.Return;
import io.loyaltykit.ledger.PointsBalance;
import io.loyaltykit.program.Earn;
import io.loyaltykit.program.PointsPolicy;
import io.loyaltykit.program.Program;
import io.loyaltykit.program.ReturnsPolicy;
import io.loyaltykit.program.Reward;
import org.junit.jupiter.api.Test;

import static io.loyaltykit.engine.Fixtures.at;
import static io.loyaltykit.engine.Fixtures.enroll;
import static io.loyaltykit.engine.Fixtures.points;
import static io.loyaltykit.engine.Fixtures.program;
import static io.loyaltykit.engine.Fixtures.sale;
import static org.assertj.core.api.Assertions.assertThat;

/** The three returns policies once the purchase's points were partly spent; per-unit reversal rounding. */
class ReturnsPoliciesTest {

    private static Loyalty spentHalf(ReturnsPolicy policy) {
        Program p = program().points(PointsPolicy.builder().pending("P7D").returns(policy))
                .earn(Earn.rate("base").points(1).per("1.00"))
                .reward(Reward.of("r", "R", Reward.Kind.GIFT, 150)).build();
        Loyalty l = Fixtures.loyalty(p);
        points(l, enroll("e1", "2026-01-01T09:00:00", "m1", null, null));
        points(l, new Adjust("a1", at("2026-01-01T09:30:00"), "m1", 50, "gift", "ops"));
        points(l, sale("p1", "2026-01-02T10:00:00", "m1", "A", "service", "200.00"));
        points(l, sale("p2", "2026-01-10T10:00:00", "m1", "A", "service", "100.00"));   // pending until the 17th
        points(l, Redeem.of("x1", at("2026-01-11T10:00:00"), "m1", "r"));               // 50 from a1, then 100 from p1
        return l;
    }

    @Test
    void withinBalanceReversesOwnLotsThenAvailableAndForgivesTheRest() {
        Loyalty l = spentHalf(ReturnsPolicy.WITHIN_BALANCE);
        // p1 has 100 left; nothing else available (p2 is pending): 100 forgiven
        assertThat(points(l, Return.whole("r1", at("2026-01-12T10:00:00"), "m1", "p1"))).isEqualTo(-100);
        assertThat(l.balance("m1", at("2026-01-12T10:00:00"))).isEqualTo(new PointsBalance(0, 100, 0, 150, 100));
    }

    @Test
    void onlyPendingForgivesWhatMatured() {
        Loyalty l = spentHalf(ReturnsPolicy.ONLY_PENDING);
        assertThat(points(l, Return.whole("r1", at("2026-01-12T10:00:00"), "m1", "p1"))).isZero();
        assertThat(l.balance("m1", at("2026-01-12T10:00:00"))).isEqualTo(new PointsBalance(100, 100, 0, 150, 200));
        // a still-pending purchase is reversed in full
        assertThat(points(l, Return.whole("r2", at("2026-01-12T11:00:00"), "m1", "p2"))).isEqualTo(-100);
    }

    @Test
    void allowNegativeOwesTheRestAndLaterEarningsRepayItFirst() {
        Loyalty l = spentHalf(ReturnsPolicy.ALLOW_NEGATIVE);
        assertThat(points(l, Return.whole("r1", at("2026-01-12T10:00:00"), "m1", "p1"))).isEqualTo(-200);
        assertThat(l.balance("m1", at("2026-01-12T10:00:00"))).isEqualTo(new PointsBalance(-100, 100, 0, 150, 0));
        // 30 new points repay 30 of the 100 owed at once: the balance moves by 30 either way
        assertThat(points(l, sale("p3", "2026-01-13T10:00:00", "m1", "A", "service", "30.00"))).isEqualTo(30);
        assertThat(l.balance("m1", at("2026-01-20T10:00:00"))).isEqualTo(new PointsBalance(30, 0, 0, 150, 0));
    }

    @Test
    void partialReturnsRoundCumulativelyAndAWholeReturnReversesExactlyWhatWasEarned() {
        Program p = program().earn(Earn.rate("base").points(1).per("1.00")).build();
        Loyalty l = Fixtures.loyalty(p);
        points(l, enroll("e1", "2026-01-01T09:00:00", "m1", null, null));
        Purchase three = Purchase.builder("p1", at("2026-01-02T10:00:00")).member("m1")
                .line("1", "A", "retail", "3", "3.33").tender("cash", "9.99").build();
        assertThat(points(l, three)).isEqualTo(9);
        // each unit earned 3 exactly (9 of 9.99 split over 3 units)
        assertThat(points(l, Return.line("r1", at("2026-01-03T10:00:00"), "m1", "p1", "1", "1"))).isEqualTo(-3);
        assertThat(points(l, Return.line("r2", at("2026-01-03T11:00:00"), "m1", "p1", "1", "1"))).isEqualTo(-3);
        assertThat(points(l, Return.whole("r3", at("2026-01-03T12:00:00"), "m1", "p1"))).isEqualTo(-3);
        assertThat(l.balance("m1", at("2026-01-04T10:00:00")).available()).isZero();
        Fixtures.rejected(l, Return.whole("r4", at("2026-01-03T13:00:00"), "m1", "p1"));
    }
}
