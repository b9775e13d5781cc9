package io.loyaltykit.scenarios;

import io.loyaltykit.ErrorCode;
import io.loyaltykit.event.CheckIn;
import io.loyaltykit.event.CustomEvent;
import io.loyaltykit.event.Enroll;
import io.loyaltykit.event.Profile;
import io.loyaltykit.event.Purchase;
import io.loyaltykit.program.CalendarUnit;
import io.loyaltykit.program.Earn;
import io.loyaltykit.program.Program;
import io.loyaltykit.program.ReferralPolicy;
import io.loyaltykit.program.TierPolicy;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.loyaltykit.scenarios.ScenarioSupport.applied;
import static io.loyaltykit.scenarios.ScenarioSupport.at;
import static io.loyaltykit.scenarios.ScenarioSupport.purchase;
import static io.loyaltykit.scenarios.ScenarioSupport.rejected;
import static org.assertj.core.api.Assertions.assertThat;

/** Scenario 06: a two-level referral chain, check-in streaks, a capped custom event and a walk-in claim. */
class ReferralCheckinWalkInsScenarioTest {

    static Program program() {
        return Program.builder("referral").name("referral, check-in, walk-ins").currency("CNY").zone("Asia/Shanghai")
                .tiers(TierPolicy.on(TierPolicy.Metric.SPEND).window("lifetime").level("regular", "Regular", "0"))
                .earn(Earn.rate("base").points(1).per("1.00"))
                .earn(Earn.onCheckIn("daily-checkin").streak(5, 5, 15, 7))
                .earn(Earn.onEvent("review", "review_posted").points(20).cap(20, CalendarUnit.MONTH))
                .referral(ReferralPolicy.on(ReferralPolicy.TriggerKind.FIRST_PURCHASE).minSpend("100.00")
                        .level(200).level(50).referee(100))
                .walkIns("P30D")
                .build();
    }

    private static Enroll enroll(String id, String local, String member, String referrer) {
        return new Enroll(id, at(local), member, Profile.empty(), referrer, null, null, List.of());
    }

    @Test
    void reproducesTheScenarioFigures() {
        ScenarioSupport s = new ScenarioSupport(program());
        applied(s.apply(enroll("ea", "2026-03-01T10:00:00", "a", null)), 0);
        applied(s.apply(enroll("eb", "2026-03-01T10:10:00", "b", "a")), 0);
        applied(s.apply(enroll("ec", "2026-03-01T10:20:00", "c", "b")), 0);
        rejected(s.apply(enroll("ed", "2026-03-01T10:30:00", "d", "d")), ErrorCode.REFERRAL_INVALID);
        rejected(s.apply(enroll("ex", "2026-03-01T10:40:00", "x", "nobody")), ErrorCode.REFERRAL_INVALID);
        applied(s.apply(purchase("c1", "2026-03-02T11:00:00", "c").line("1", "CUT-01", "service", "1", "80.00")
                .tender("cash", "80.00").build()), 80);
        applied(s.apply(purchase("c2", "2026-03-03T11:00:00", "c").line("1", "COLOR-01", "service", "1", "150.00")
                .tender("cash", "150.00").build()), 250);
        applied(s.apply(purchase("c3", "2026-03-04T11:00:00", "c").line("1", "PERM-01", "service", "1", "200.00")
                .tender("cash", "200.00").build()), 200);
        applied(s.apply(purchase("b1", "2026-03-05T11:00:00", "b").line("1", "CUT-01", "service", "1", "100.00")
                .tender("cash", "100.00").build()), 200);
        applied(s.apply(new CustomEvent("rv1", at("2026-03-05T12:00:00"), "b", "review_posted", Map.of())), 20);
        applied(s.apply(Purchase.builder("w1", at("2026-03-05T15:00:00")).line("1", "WASH-01", "service", "1", "60.00")
                .tender("cash", "60.00").build()), 60);
        applied(s.apply(new CheckIn("ck1", at("2026-03-10T09:00:00"), "a")), 5);
        applied(s.apply(new CheckIn("ck2", at("2026-03-11T09:00:00"), "a")), 10);
        applied(s.apply(new CheckIn("ck3", at("2026-03-12T09:00:00"), "a")), 15);
        applied(s.apply(new CheckIn("ck4", at("2026-03-13T09:00:00"), "a")), 15);
        rejected(s.apply(new CheckIn("ck5", at("2026-03-13T20:00:00"), "a")), ErrorCode.LIMIT_REACHED);
        applied(s.apply(new CheckIn("ck6", at("2026-03-15T09:00:00"), "a")), 5);
        applied(s.apply(new Enroll("ee", at("2026-03-20T10:00:00"), "e", Profile.empty(), null, null, null, List.of("w1"))), 60);
        applied(s.apply(new CustomEvent("rv2", at("2026-03-20T12:00:00"), "b", "review_posted", Map.of())), 0);
        applied(s.apply(new CustomEvent("rv3", at("2026-04-02T12:00:00"), "b", "review_posted", Map.of())), 20);

        var asOf = at("2026-04-02T12:00:00");
        assertThat(s.loyalty.balance("a", asOf).available()).isEqualTo(300);
        assertThat(s.loyalty.balance("b", asOf).available()).isEqualTo(440);
        assertThat(s.loyalty.balance("c", asOf).available()).isEqualTo(530);
        assertThat(s.loyalty.balance("e", asOf).available()).isEqualTo(60);
        assertThat(s.loyalty.account("b", asOf).referrer()).isEqualTo("a");
        assertThat(s.loyalty.account("c", asOf).referrer()).isEqualTo("b");
        rejected(s.apply(new Enroll("ef", at("2026-03-21T10:00:00"), "f", Profile.empty(), null, null, null, List.of("w1"))),
                ErrorCode.CLAIM_INVALID);
    }
}
