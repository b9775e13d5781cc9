package io.loyaltykit.scenarios;

import io.loyaltykit.ErrorCode;
import io.loyaltykit.Result;
import io.loyaltykit.event.Adjust;
import io.loyaltykit.event.Enroll;
import io.loyaltykit.event.Line;
import io.loyaltykit.event.Redeem;
import io.loyaltykit.program.CalendarUnit;
import io.loyaltykit.program.CashOffset;
import io.loyaltykit.program.Earn;
import io.loyaltykit.program.Program;
import io.loyaltykit.program.Reward;
import io.loyaltykit.program.TierPolicy;
import org.junit.jupiter.api.Test;

import static io.loyaltykit.scenarios.ScenarioSupport.applied;
import static io.loyaltykit.scenarios.ScenarioSupport.at;
import static io.loyaltykit.scenarios.ScenarioSupport.purchase;
import static io.loyaltykit.scenarios.ScenarioSupport.rejected;
import static org.assertj.core.api.Assertions.assertThat;

/** Scenario 03: the cash offset's step, share and cost floor; rewards with limits. */
class CashOffsetRewardsScenarioTest {

    static Program program() {
        return Program.builder("offset").name("cash offset and rewards").currency("CNY").zone("Asia/Shanghai")
                .tiers(TierPolicy.on(TierPolicy.Metric.SPEND).window("lifetime").level("regular", "Regular", "0"))
                .earn(Earn.rate("base").points(1).per("1.00"))
                .cashOffset(CashOffset.of(100, "1.00").categories("service").maxShare("0.5").minPoints(100).step(100)
                        .respectCost(true))
                .reward(Reward.of("free-wash", "Free wash", Reward.Kind.SERVICE, 300).stock(5).limit(1, CalendarUnit.MONTH))
                .build();
    }

    @Test
    void reproducesTheScenarioFigures() {
        ScenarioSupport s = new ScenarioSupport(program());
        applied(s.apply(Enroll.of("e1", at("2026-06-01T10:00:00"), "m1")), 0);
        applied(s.apply(new Adjust("a1", at("2026-06-01T10:05:00"), "m1", 1000, "opening balance from old system", "admin")), 1000);
        Result p2 = s.apply(purchase("p2", "2026-06-01T11:00:00", "m1").line("1", "CUT-01", "service", "1", "100.00")
                .redeemPoints(150).tender("cash", "98.50").build());
        rejected(p2, ErrorCode.REDEMPTION_NOT_ALLOWED);
        assertThat(((Result.Rejected) p2).maxRedeemablePoints()).isEqualTo(1000L);
        applied(s.apply(purchase("p1", "2026-06-02T11:00:00", "m1")
                .line(Line.of("1", "CUT-01", "service", "1", "100.00").withCost("80.00"))
                .line("2", "SHAMPOO-500", "retail", "1", "50.00")
                .redeemPoints(1000).tender("cash", "140.00").build()), -860);
        Result p3 = s.apply(purchase("p3", "2026-06-03T12:00:00", "m1").line("1", "SHAMPOO-500", "retail", "1", "50.00")
                .redeemPoints(100).tender("cash", "49.00").build());
        rejected(p3, ErrorCode.REDEMPTION_NOT_ALLOWED);
        assertThat(((Result.Rejected) p3).maxRedeemablePoints()).isZero();
        rejected(s.apply(Redeem.of("x1", at("2026-06-04T10:00:00"), "m1", "free-wash")), ErrorCode.INSUFFICIENT_POINTS);
        applied(s.apply(new Adjust("a2", at("2026-06-04T10:05:00"), "m1", 500, "complaint compensation", "manager-1")), 500);
        applied(s.apply(Redeem.of("x2", at("2026-06-04T10:10:00"), "m1", "free-wash")), -300);
        rejected(s.apply(Redeem.of("x3", at("2026-06-20T10:00:00"), "m1", "free-wash")), ErrorCode.LIMIT_REACHED);
        rejected(s.apply(Redeem.of("x4", at("2026-06-21T10:00:00"), "m1", "no-such-reward")), ErrorCode.REWARD_UNAVAILABLE);
        var b = s.loyalty.balance("m1", at("2026-06-21T10:00:00"));
        assertThat(b.available()).isEqualTo(340);
        assertThat(b.redeemed()).isEqualTo(1300);
    }

    @Test
    void theCostFloorBindsBeforeTheShare() {
        ScenarioSupport s = new ScenarioSupport(program());
        s.apply(Enroll.of("e1", at("2026-06-01T10:00:00"), "m1"));
        s.apply(new Adjust("a1", at("2026-06-01T10:05:00"), "m1", 5000, "opening", "admin"));
        var bill = purchase("q", "2026-06-02T11:00:00", "m1")
                .line(Line.of("1", "CUT-01", "service", "1", "100.00").withCost("80.00")).tender("cash", "100.00").build();
        assertThat(s.loyalty.quote(bill).maxRedeemablePoints()).isEqualTo(2000);
        Result tooMuch = s.apply(purchase("q2", "2026-06-02T11:00:00", "m1")
                .line(Line.of("1", "CUT-01", "service", "1", "100.00").withCost("80.00"))
                .redeemPoints(2100).tender("cash", "79.00").build());
        rejected(tooMuch, ErrorCode.REDEMPTION_NOT_ALLOWED);
        assertThat(((Result.Rejected) tooMuch).maxRedeemablePoints()).isEqualTo(2000L);
    }
}
