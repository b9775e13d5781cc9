package io.loyaltykit.scenarios;

import io.loyaltykit.Result;
import io.loyaltykit.event.Enroll;
import io.loyaltykit.program.Combine;
import io.loyaltykit.program.Earn;
import io.loyaltykit.program.Program;
import io.loyaltykit.program.TierLevel;
import io.loyaltykit.program.TierPolicy;
import org.junit.jupiter.api.Test;

import static io.loyaltykit.scenarios.ScenarioSupport.applied;
import static io.loyaltykit.scenarios.ScenarioSupport.at;
import static io.loyaltykit.scenarios.ScenarioSupport.purchase;
import static org.assertj.core.api.Assertions.assertThat;

/** Scenario 02: upgrade on the crossing event, tier multiplier, date-windowed multiplier, max combination. */
class TiersMultipliersScenarioTest {

    static Program program() {
        return Program.builder("tiers").name("tiers and multipliers").currency("CNY").zone("Asia/Shanghai")
                .tiers(TierPolicy.on(TierPolicy.Metric.SPEND).window("lifetime")
                        .level("regular", "Regular", "0")
                        .level(TierLevel.of("silver", "Silver", "1000.00").earnMultiplier("1.5")))
                .multipliers(Combine.MAX)
                .earn(Earn.rate("base").points(1).per("1.00"))
                .earn(Earn.multiplier("may-day", "2").from("2026-05-01").to("2026-05-07").categories("service"))
                .build();
    }

    @Test
    void reproducesTheScenarioFigures() {
        ScenarioSupport s = new ScenarioSupport(program());
        applied(s.apply(Enroll.of("e1", at("2026-04-01T10:00:00"), "m1")), 0);
        applied(s.apply(purchase("p1", "2026-04-10T11:00:00", "m1").line("1", "PERM-01", "service", "1", "800.00")
                .tender("card", "800.00").build()), 800);
        Result p2 = s.apply(purchase("p2", "2026-04-11T11:00:00", "m1").line("1", "COLOR-01", "service", "1", "300.00")
                .tender("card", "300.00").build());
        applied(p2, 300);
        assertThat(((Result.Applied) p2).tierBefore()).isEqualTo("regular");
        assertThat(((Result.Applied) p2).tierAfter()).isEqualTo("silver");
        applied(s.apply(purchase("p3", "2026-04-12T11:00:00", "m1").line("1", "CUT-01", "service", "1", "100.00")
                .tender("card", "100.00").build()), 150);
        applied(s.apply(purchase("p4", "2026-05-02T11:00:00", "m1").line("1", "CUT-01", "service", "1", "100.00")
                .tender("card", "100.00").build()), 200);
        applied(s.apply(purchase("p5", "2026-05-02T12:00:00", "m1").line("1", "SHAMPOO-500", "retail", "1", "100.00")
                .tender("card", "100.00").build()), 150);
        applied(s.apply(purchase("p6", "2026-05-07T00:00:00", "m1").line("1", "CUT-01", "service", "1", "100.00")
                .tender("card", "100.00").build()), 150);
        var account = s.loyalty.account("m1", at("2026-05-07T00:00:00"));
        assertThat(account.tier()).isEqualTo("silver");
        assertThat(account.points().available()).isEqualTo(1750);
    }
}
