package io.loyaltykit.rules.check;

import io.loyaltykit.program.CalendarUnit;
import io.loyaltykit.program.CashOffset;
import io.loyaltykit.program.Combine;
import io.loyaltykit.program.Earn;
import io.loyaltykit.program.Program;
import io.loyaltykit.program.Reward;
import io.loyaltykit.program.TierLevel;
import io.loyaltykit.program.TierPolicy;
import io.loyaltykit.rules.ProgramFileProblem;
import io.loyaltykit.rules.ProgramFiles;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each warning of the rule-set checker on a program that has the mistake, and silence on one that does not. */
class RuleSetCheckerTest {

    private static Program.Builder base() {
        return Program.builder("p").currency("CNY").zone("Asia/Shanghai");
    }

    private static List<String> kinds(Program p) {
        return RuleSetChecker.check(p).stream().map(Finding::kind).toList();
    }

    @Test
    void aRateRuleBehindACatchAllNeverPays() {
        Program p = base().earn(Earn.rate("base").points(1).per("1.00"))
                .earn(Earn.rate("retail").points(2).per("1.00").categories("retail")).build();
        List<Finding> f = RuleSetChecker.check(p);
        assertThat(f).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo("shadowed-rate");
            assertThat(w.path()).isEqualTo("$.earn[1]");
            assertThat(w.ruleId()).isEqualTo("retail");
            assertThat(w.message()).contains("'base' matches every line it matches");
        });
    }

    @Test
    void aNarrowerEarlierRuleDoesNotShadow() {
        Program p = base().earn(Earn.rate("retail").points(2).per("1.00").categories("retail"))
                .earn(Earn.rate("base").points(1).per("1.00")).build();
        assertThat(kinds(p)).isEmpty();
        Program q = base().earn(Earn.rate("weekend").points(2).per("1.00").categories("retail", "service")
                        .daysOfWeek(DayOfWeek.SATURDAY))
                .earn(Earn.rate("service").points(1).per("1.00").categories("service")).build();
        assertThat(kinds(q)).as("the first only matches on Saturdays").isEmpty();
        Program r = base().earn(Earn.rate("not-cards").points(1).per("1.00").excludeCategories("gift-card"))
                .earn(Earn.rate("service").points(3).per("1.00").categories("service")).build();
        assertThat(kinds(r)).as("service is not excluded by the first, so the first shadows it")
                .containsExactly("shadowed-rate");
    }

    @Test
    void aHigherLevelEarningLessIsFlagged() {
        Program p = base().tiers(TierPolicy.on(TierPolicy.Metric.SPEND).window("lifetime")
                        .level("regular", "R", "0")
                        .level(TierLevel.of("silver", "S", "1000").earnMultiplier("1.5"))
                        .level(TierLevel.of("gold", "G", "5000").earnMultiplier("1.2")))
                .earn(Earn.rate("base").points(1).per("1.00")).build();
        assertThat(RuleSetChecker.check(p)).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo("tier-multiplier-falls");
            assertThat(w.path()).isEqualTo("$.tiers.levels[2].earnMultiplier");
        });
    }

    @Test
    void anOffsetWorthMoreThanTheMarginIsFlaggedWithTheFigure() {
        Program p = base().earn(Earn.rate("base").points(10).per("1.00"))
                .earn(Earn.multiplier("double", "2"))
                .multipliers(Combine.MAX)
                .cashOffset(CashOffset.of(100, "1.00")).build();
        // 10 pts per 1.00 x2 = 20 pts per 1.00, worth 0.20: 20% back
        assertThat(RuleSetChecker.check(p)).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo("offset-too-generous");
            assertThat(w.message()).contains("give back 20% of spend").contains("x2");
        });
        Program modest = base().earn(Earn.rate("base").points(1).per("1.00"))
                .cashOffset(CashOffset.of(100, "1.00")).build();
        assertThat(kinds(modest)).isEmpty();
        assertThat(RuleSetChecker.check(modest, new RuleSetChecker.Options(new java.math.BigDecimal("0.005"))))
                .extracting(Finding::kind).containsExactly("offset-too-generous");
    }

    @Test
    void aCapBelowOneAwardIsFlagged() {
        Program p = base().earn(Earn.onEvent("review", "review_posted").points(50).cap(20, CalendarUnit.MONTH))
                .earn(Earn.onEvent("share", "shared").points(10).cap(20, CalendarUnit.MONTH)).build();
        assertThat(RuleSetChecker.check(p)).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo("cap-below-award");
            assertThat(w.ruleId()).isEqualTo("review");
            assertThat(w.path()).isEqualTo("$.earn[0].cap.points");
        });
    }

    @Test
    void windowsThatNeverOpenAreFlagged() {
        Program backwards = base().earn(Earn.multiplier("promo", "2").from("2026-05-07").to("2026-05-01")).build();
        assertThat(kinds(backwards)).containsExactly("window-never-open");
        // 2026-05-01 is a Friday; until 05-04 there is no Tuesday
        Program noTuesday = base().earn(Earn.multiplier("promo", "2").from("2026-05-01").to("2026-05-04")
                .daysOfWeek(DayOfWeek.TUESDAY)).build();
        assertThat(kinds(noTuesday)).containsExactly("window-never-open");
        // the window closes at 09:00 on its only day, before the hours open
        Program tooEarly = base().earn(Earn.multiplier("promo", "2").from("2026-05-05T00:00").to("2026-05-05T09:00")
                .hours("10:00", "14:00")).build();
        assertThat(kinds(tooEarly)).containsExactly("window-never-open");
        Program fine = base().earn(Earn.multiplier("promo", "2").from("2026-05-01").to("2026-05-08")
                .daysOfWeek(DayOfWeek.TUESDAY).hours("10:00", "14:00")).build();
        assertThat(kinds(fine)).isEmpty();
    }

    @Test
    void aRewardWithNoStockIsFlagged() {
        Program p = base().reward(Reward.of("gift", "Gift", Reward.Kind.GIFT, 100).stock(0)).build();
        assertThat(RuleSetChecker.check(p)).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo("reward-unreachable");
            assertThat(w.path()).isEqualTo("$.redeem.rewards[0].stock");
        });
    }

    @Test
    void warningsAreLocatedInTheFileAndDoNotStopTheLoad() {
        String text = """
                {"program": "p", "currency": "CNY", "timezone": "Asia/Shanghai",
                 "earn": [
                   {"id": "base", "on": "purchase", "rate": {"points": 1, "per": "1.00"}},
                   {"id": "retail", "on": "purchase", "categories": ["retail"], "rate": {"points": 2, "per": "1.00"}}
                 ]}
                """;
        ProgramFiles.Validation v = ProgramFiles.validate(text, "p.json");
        assertThat(v.program()).isNotNull();
        assertThat(v.problems()).extracting(ProgramFileProblem::toString).containsExactly(
                "p.json:4:4: warning: $.earn[1] [retail]: rate rule 'retail' never pays: the earlier rate rule 'base' "
                        + "matches every line it matches, and a line earns from the first matching rate rule. Move "
                        + "'retail' above 'base' or narrow 'base'");
    }
}
