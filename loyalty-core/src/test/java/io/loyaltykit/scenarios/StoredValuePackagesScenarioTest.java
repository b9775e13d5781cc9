package io.loyaltykit.scenarios;

import io.loyaltykit.Account;
import io.loyaltykit.ErrorCode;
import io.loyaltykit.event.Enroll;
import io.loyaltykit.event.Return;
import io.loyaltykit.event.Tender;
import io.loyaltykit.event.TopUp;
import io.loyaltykit.event.TopUpRefund;
import io.loyaltykit.program.Earn;
import io.loyaltykit.program.PackageDef;
import io.loyaltykit.program.PointsPolicy;
import io.loyaltykit.program.Program;
import io.loyaltykit.program.StoredValuePolicy;
import io.loyaltykit.program.TierPolicy;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.loyaltykit.scenarios.ScenarioSupport.applied;
import static io.loyaltykit.scenarios.ScenarioSupport.at;
import static io.loyaltykit.scenarios.ScenarioSupport.purchase;
import static io.loyaltykit.scenarios.ScenarioSupport.rejected;
import static org.assertj.core.api.Assertions.assertThat;

/** Scenario 05: top-up bonus, proportional spending, package uses, returns and a top-up refund. */
class StoredValuePackagesScenarioTest {

    static Program program() {
        return Program.builder("stored").name("stored value and packages").currency("CNY").zone("Asia/Shanghai")
                .points(PointsPolicy.builder().excludeTenders("points", "package"))
                .tiers(TierPolicy.on(TierPolicy.Metric.SPEND).window("lifetime").level("regular", "Regular", "0"))
                .earn(Earn.rate("base").points(1).per("1.00"))
                .storedValue(StoredValuePolicy.spending(StoredValuePolicy.Order.PROPORTIONAL)
                        .bonus("500.00", "50.00").bonus("1000.00", "200.00"))
                .pkg(PackageDef.of("cut-10", "剪发10次卡", "PKG-CUT-10", 10, "P12M", "CUT-01"))
                .build();
    }

    @Test
    void reproducesTheScenarioFigures() {
        ScenarioSupport s = new ScenarioSupport(program());
        applied(s.apply(Enroll.of("e1", at("2026-02-01T10:00:00"), "m1")), 0);
        applied(s.apply(TopUp.of("t1", at("2026-02-01T10:05:00"), "m1", "1000.00")), 0);
        assertPurses(s, "2026-02-01T10:05:00", "1000.00", "200.00");
        applied(s.apply(purchase("p1", "2026-02-02T11:00:00", "m1").line("1", "CUT-01", "service", "1", "120.00")
                .tender("stored_value", "120.00").build()), 120);
        assertPurses(s, "2026-02-02T11:00:00", "900.00", "180.00");
        applied(s.apply(purchase("p2", "2026-02-03T11:00:00", "m1").line("1", "PKG-CUT-10", "package", "1", "880.00")
                .tender("stored_value", "880.00").build()), 880);
        assertPurses(s, "2026-02-03T11:00:00", "166.67", "33.33");
        applied(s.apply(purchase("p3", "2026-02-10T11:00:00", "m1").line("1", "CUT-01", "service", "1", "60.00")
                .tender(Tender.pkg("cut-10", "60.00")).build()), 0);
        applied(s.apply(Return.whole("r1", at("2026-02-11T11:00:00"), "m1", "p1")), -120);
        assertPurses(s, "2026-02-11T11:00:00", "266.67", "53.33");
        applied(s.apply(new TopUpRefund("tr1", at("2026-02-12T10:00:00"), "m1", "t1")), 0);
        rejected(s.apply(purchase("p4", "2026-02-13T10:00:00", "m1").line("1", "CUT-01", "service", "1", "10.00")
                .tender("stored_value", "10.00").build()), ErrorCode.INSUFFICIENT_STORED_VALUE);
        Account a = s.loyalty.account("m1", at("2026-02-13T10:00:00"));
        assertThat(a.points().available()).isEqualTo(880);
        assertThat(a.storedValue().principal()).isEqualByComparingTo("0.00");
        assertThat(a.storedValue().bonus()).isEqualByComparingTo("0.00");
        assertThat(a.packages()).containsOnlyKeys("cut-10");
        assertThat(a.packages().get("cut-10").remaining()).isEqualTo(9);
        assertThat(a.packages().get("cut-10").expiresAt()).isEqualTo(at("2027-02-03T11:00:00"));
    }

    private static void assertPurses(ScenarioSupport s, String local, String principal, String bonus) {
        Account a = s.loyalty.account("m1", at(local));
        assertThat(a.storedValue().principal()).isEqualByComparingTo(new BigDecimal(principal));
        assertThat(a.storedValue().bonus()).isEqualByComparingTo(new BigDecimal(bonus));
    }
}
