package io.loyaltykit.scenarios;

import io.loyaltykit.ErrorCode;
import io.loyaltykit.Result;
import io.loyaltykit.event.Enroll;
import io.loyaltykit.event.Line;
import io.loyaltykit.event.Profile;
import io.loyaltykit.ledger.PointsBalance;
import io.loyaltykit.ledger.PointsLot;
import io.loyaltykit.program.Earn;
import io.loyaltykit.program.Program;
import io.loyaltykit.program.TierPolicy;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static io.loyaltykit.scenarios.ScenarioSupport.applied;
import static io.loyaltykit.scenarios.ScenarioSupport.at;
import static io.loyaltykit.scenarios.ScenarioSupport.purchase;
import static io.loyaltykit.scenarios.ScenarioSupport.rejected;
import static org.assertj.core.api.Assertions.assertThat;

/** Scenario 01: rate rules by category, rounding, idempotency and validation. */
class BasicEarningScenarioTest {

    static Program program() {
        return Program.builder("basic").name("basic earning").currency("CNY").zone("Asia/Shanghai")
                .tiers(TierPolicy.on(TierPolicy.Metric.SPEND).window("lifetime").level("regular", "Regular", "0"))
                .earn(Earn.rate("no-gift-cards").categories("gift-card").points(0).per("1.00"))
                .earn(Earn.rate("retail").categories("retail").points(2).per("1.00"))
                .earn(Earn.rate("base").points(1).per("1.00"))
                .earn(Earn.onEnroll("welcome").points(100))
                .build();
    }

    @Test
    void reproducesTheScenarioFigures() {
        ScenarioSupport s = new ScenarioSupport(program());
        applied(s.apply(new Enroll("e1", at("2026-03-01T10:00:00"), "m1",
                new Profile("王芳", "13800000001", LocalDate.parse("1990-07-15"), null, List.of()), null, null, null, null)), 100);
        Result p1 = s.apply(purchase("p1", "2026-03-02T11:00:00", "m1").store("SH-01")
                .line("1", "CUT-01", "service", "1", "128.00")
                .line("2", "SHAMPOO-500", "retail", "2", "45.50")
                .line("3", "GC-200", "gift-card", "1", "200.00")
                .tender("cash", "419.00").build());
        applied(p1, 310);
        var p2 = purchase("p2", "2026-03-03T11:00:00", "m1").line("1", "WASH-01", "service", "1", "99.99")
                .tender("wechat", "99.99").build();
        applied(s.apply(p2), 99);
        Result dup = s.apply(p2);
        assertThat(dup).isInstanceOf(Result.Duplicate.class);
        assertThat(((Result.Duplicate) dup).original().points()).isEqualTo(99);
        rejected(s.apply(purchase("p2", "2026-03-03T11:00:00", "m1").line("1", "WASH-01", "service", "1", "10.00")
                .tender("wechat", "10.00").build()), ErrorCode.IDEMPOTENCY_CONFLICT);
        rejected(s.apply(purchase("p3", "2026-03-04T11:00:00", "m9").line("1", "CUT-01", "service", "1", "50.00")
                .tender("cash", "50.00").build()), ErrorCode.UNKNOWN_MEMBER);
        rejected(s.apply(purchase("p4", "2026-03-04T12:00:00", "m1").line("1", "CUT-01", "service", "1", "50.00")
                .tender("cash", "40.00").build()), ErrorCode.INVALID_EVENT);
        rejected(s.apply(purchase("p5", "2026-03-04T13:00:00", "m1")
                .line(new Line("1", "CUT-01", "service", new BigDecimal("-1"), new BigDecimal("50.00"), null, null, null))
                .tender("cash", "-50.00").build()), ErrorCode.INVALID_EVENT);
        rejected(s.apply(Enroll.of("e2", at("2026-03-05T10:00:00"), "m1")), ErrorCode.DUPLICATE_MEMBER);

        PointsBalance b = s.loyalty.balance("m1", at("2026-03-05T10:00:00"));
        assertThat(b).isEqualTo(new PointsBalance(509, 0, 0, 0, 0));
        assertThat(s.loyalty.account("m1", at("2026-03-05T10:00:00")).tier()).isEqualTo("regular");
    }

    @Test
    void explainsEachRuleOnItsOwnEntry() {
        ScenarioSupport s = new ScenarioSupport(program());
        s.apply(Enroll.of("e1", at("2026-03-01T10:00:00"), "m1"));
        Result.Applied p1 = (Result.Applied) s.apply(purchase("p1", "2026-03-02T11:00:00", "m1")
                .line("1", "CUT-01", "service", "1", "128.00")
                .line("2", "SHAMPOO-500", "retail", "2", "45.50")
                .tender("cash", "219.00").build());
        assertThat(p1.explanations()).extracting(e -> ((PointsLot) e).rule(), e -> ((PointsLot) e).points(),
                e -> ((PointsLot) e).reason())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("retail", 182L, "2 pt per 1.00 on 91.00 (retail)"),
                        org.assertj.core.groups.Tuple.tuple("base", 128L, "1 pt per 1.00 on 128.00 (service)"));
    }
}
