package io.loyaltykit.rules.mvel;

import io.loyaltykit.ErrorCode;
import io.loyaltykit.Loyalty;
import io.loyaltykit.Result;
import io.loyaltykit.event.Enroll;
import io.loyaltykit.event.Profile;
import io.loyaltykit.event.Purchase;
import io.loyaltykit.program.Earn;
import io.loyaltykit.program.InvalidProgramException;
import io.loyaltykit.program.Program;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Sandboxed conditions inside the engine: they pick the lines they should, and a failing one rejects the event. */
class ConditionsInEngineTest {

    private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");

    private static Program program(MvelCondition when) {
        return Program.builder("mvel").currency("CNY").zone("Asia/Shanghai")
                .earn(Earn.rate("base").points(1).per("1.00"))
                .earn(Earn.multiplier(when.ruleId(), "2").when(when))
                .build();
    }

    private static Enroll enroll(String id, String member, String gender, String... tags) {
        return new Enroll(id, T0, member, new Profile(member, null, null, gender, List.of(tags)), null, null, null,
                List.of());
    }

    private static Purchase purchase(String id, String member, String sku) {
        return Purchase.builder(id, T0.plusSeconds(3600)).member(member).line("1", sku, "service", "1", "100.00")
                .tender("card", "100.00").build();
    }

    private static long points(Result r) {
        assertThat(r).as(r.toString()).isInstanceOf(Result.Applied.class);
        return ((Result.Applied) r).points();
    }

    @Test
    void theSalonConditionDoublesColourLinesOfColourRegularsOnly() {
        Loyalty loyalty = Loyalty.builder(program(MvelConditions.compile("colour-regulars",
                ConditionLanguageTest.SALON, true))).build();
        loyalty.apply(enroll("e1", "fan", "F", "colour"));
        loyalty.apply(enroll("e2", "plain", "M"));
        assertThat(points(loyalty.apply(purchase("p1", "fan", "COLOR-01")))).isEqualTo(200);
        assertThat(points(loyalty.apply(purchase("p2", "fan", "CUT-01")))).isEqualTo(100);
        assertThat(points(loyalty.apply(purchase("p3", "plain", "COLOR-01")))).isEqualTo(100);
    }

    @Test
    void aConditionFailingOnTheDataRejectsTheEventNamingTheRuleAndRecordsNothing() {
        Loyalty loyalty = Loyalty.builder(program(MvelConditions.compile("ladies-day",
                "member.gender.equals('F')", true))).build();
        loyalty.apply(enroll("e1", "anon", null));
        Result r = loyalty.apply(purchase("p1", "anon", "CUT-01"));
        assertThat(r).isInstanceOf(Result.Rejected.class);
        Result.Rejected rejected = (Result.Rejected) r;
        assertThat(rejected.code()).isEqualTo(ErrorCode.INVALID_PROGRAM);
        assertThat(rejected.message()).contains("rule 'ladies-day'", "null");
        assertThat(loyalty.history("anon")).isEmpty();
        assertThat(loyalty.balance("anon", T0.plusSeconds(7200)).available()).isZero();
    }

    @Test
    void aConditionReadingLineCannotSitOnARuleWithoutLines() {
        MvelCondition readsLine = MvelConditions.compile("welcome-colour", "line.sku == 'x'", true);
        InvalidProgramException e = catchThrowableOfType(InvalidProgramException.class,
                () -> Program.builder("mvel").currency("CNY").zone("Asia/Shanghai")
                        .earn(Earn.onEnroll("welcome-colour").points(10).when(readsLine)).build());
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("welcome-colour", "'line'");
    }
}
