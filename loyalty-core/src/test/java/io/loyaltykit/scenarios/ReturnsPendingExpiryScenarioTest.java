package io.loyaltykit.scenarios;

import io.loyaltykit.ErrorCode;
import io.loyaltykit.event.Enroll;
import io.loyaltykit.event.Redeem;
import io.loyaltykit.event.Return;
import io.loyaltykit.ledger.PointsBalance;
import io.loyaltykit.program.Earn;
import io.loyaltykit.program.Expiry;
import io.loyaltykit.program.PointsPolicy;
import io.loyaltykit.program.Program;
import io.loyaltykit.program.ReturnsPolicy;
import io.loyaltykit.program.Reward;
import io.loyaltykit.program.SpendOrder;
import io.loyaltykit.program.TierPolicy;
import org.junit.jupiter.api.Test;

import static io.loyaltykit.scenarios.ScenarioSupport.applied;
import static io.loyaltykit.scenarios.ScenarioSupport.at;
import static io.loyaltykit.scenarios.ScenarioSupport.purchase;
import static io.loyaltykit.scenarios.ScenarioSupport.rejected;
import static org.assertj.core.api.Assertions.assertThat;

/** Scenario 04: per-line returns, pending points, within_balance forgiveness and expiry. */
class ReturnsPendingExpiryScenarioTest {

    static Program program() {
        return Program.builder("returns").name("returns, pending and expiry").currency("CNY").zone("Asia/Shanghai")
                .points(PointsPolicy.builder().pending("P7D").expiry(Expiry.after("P30D"))
                        .returns(ReturnsPolicy.WITHIN_BALANCE).spendOrder(SpendOrder.SOONEST_EXPIRING))
                .tiers(TierPolicy.on(TierPolicy.Metric.SPEND).window("lifetime").level("regular", "Regular", "0"))
                .earn(Earn.rate("base").points(1).per("1.00"))
                .reward(Reward.of("r100", "Hair clip", Reward.Kind.GIFT, 100).stock(50))
                .build();
    }

    @Test
    void reproducesTheScenarioFigures() {
        ScenarioSupport s = new ScenarioSupport(program());
        applied(s.apply(Enroll.of("e1", at("2026-01-01T09:00:00"), "m1")), 0);
        applied(s.apply(purchase("p1", "2026-01-02T10:00:00", "m1").line("1", "CUT-01", "service", "1", "200.00")
                .line("2", "SHAMPOO-500", "retail", "1", "100.00").tender("cash", "300.00").build()), 300);
        applied(s.apply(Return.line("r1", at("2026-01-03T10:00:00"), "m1", "p1", "2", "1")), -100);
        applied(s.apply(purchase("p2", "2026-01-03T11:00:00", "m1").line("1", "WASH-01", "service", "1", "50.00")
                .tender("cash", "50.00").build()), 50);
        rejected(s.apply(Redeem.of("x0", at("2026-01-05T10:00:00"), "m1", "r100")), ErrorCode.INSUFFICIENT_POINTS);
        applied(s.apply(Redeem.of("x1", at("2026-01-15T10:00:00"), "m1", "r100")), -100);
        applied(s.apply(Return.line("r2", at("2026-01-20T10:00:00"), "m1", "p1", "1", "1")), -150);
        rejected(s.apply(Return.line("r3", at("2026-01-21T10:00:00"), "m1", "p1", "2", "1")), ErrorCode.RETURN_EXCEEDS_ORIGINAL);
        rejected(s.apply(Return.whole("r4", at("2026-01-21T11:00:00"), "m1", "p404")), ErrorCode.UNKNOWN_ORIGINAL);
        applied(s.apply(purchase("p3", "2026-01-25T10:00:00", "m1").line("1", "WASH-01", "service", "1", "30.00")
                .tender("cash", "30.00").build()), 30);
        assertThat(s.loyalty.balance("m1", at("2026-02-01T12:00:00"))).isEqualTo(new PointsBalance(30, 0, 0, 100, 50));
    }

    @Test
    void balancesMoveWithTheInstantAsked() {
        ScenarioSupport s = new ScenarioSupport(program());
        s.apply(Enroll.of("e1", at("2026-01-01T09:00:00"), "m1"));
        s.apply(purchase("p1", "2026-01-02T10:00:00", "m1").line("1", "CUT-01", "service", "1", "200.00")
                .tender("cash", "200.00").build());
        // pending for seven days, then available, then expired thirty days after earning
        assertThat(s.loyalty.balance("m1", at("2026-01-09T09:59:59"))).isEqualTo(new PointsBalance(0, 200, 0, 0, 0));
        assertThat(s.loyalty.balance("m1", at("2026-01-09T10:00:00"))).isEqualTo(new PointsBalance(200, 0, 0, 0, 0));
        assertThat(s.loyalty.balance("m1", at("2026-02-01T09:59:59"))).isEqualTo(new PointsBalance(200, 0, 0, 0, 0));
        assertThat(s.loyalty.balance("m1", at("2026-02-01T10:00:00"))).isEqualTo(new PointsBalance(0, 0, 200, 0, 0));
    }
}
