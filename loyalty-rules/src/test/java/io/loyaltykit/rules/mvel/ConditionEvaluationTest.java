package io.loyaltykit.rules.mvel;

import io.loyaltykit.ErrorCode;
import io.loyaltykit.LoyaltyException;
import io.loyaltykit.program.LineView;
import io.loyaltykit.program.MemberView;
import io.loyaltykit.program.TxView;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Failures while evaluating are typed and name the rule; evaluation is bounded in time and thread-safe. */
class ConditionEvaluationTest {

    private static ConditionEvaluationException failure(String expression, Views v) {
        MvelCondition c = MvelConditions.compile("rule-e", expression, true);
        return catchThrowableOfType(ConditionEvaluationException.class, () -> v.eval(c));
    }

    @Test
    void aNullValueIsATypedErrorNamingTheRule() {
        ConditionEvaluationException e = failure("member.gender.equals('F')", Views.b());
        assertThat(e).isNotNull().isInstanceOf(LoyaltyException.class);
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PROGRAM);
        assertThat(e.ruleId()).isEqualTo("rule-e");
        assertThat(e.source()).isEqualTo("member.gender.equals('F')");
        assertThat(e.getMessage()).contains("rule 'rule-e'", "member.gender.equals('F')", "null");
        // the same condition is fine where the value is there
        assertThat(Views.a().eval(MvelConditions.compile("rule-e", "member.gender.equals('F')", true))).isTrue();
    }

    @Test
    void arithmeticAndIndexErrorsAreTyped() {
        assertThat(failure("tx.total / (line.qty - 1) > 1", Views.a()).getMessage()).contains("arithmetic error");
        assertThat(failure("member.points % (line.qty.intValue() - 1) == 0", Views.a()).getMessage())
                .contains("arithmetic error");
        assertThat(failure("line.sku.substring(50) == ''", Views.a()).getMessage()).contains("index out of range");
        assertThat(failure("member.birthday.getYear() > 1980", Views.b()).getMessage()).contains("null");
    }

    @Test
    void missingViewsAreTypedErrors() {
        MvelCondition reads = MvelConditions.compile("rule-l", "line.qty > 1", true);
        Views a = Views.a();
        assertThat(catchThrowableOfType(ConditionEvaluationException.class,
                () -> reads.test(a.member(), a.tx(), null))).hasMessageContaining("no line was given");
        assertThat(catchThrowableOfType(ConditionEvaluationException.class,
                () -> reads.test(null, a.tx(), a.line()))).hasMessageContaining("needs both member and tx");
    }

    @Test
    void anEvaluationOverTheBudgetFailsInsteadOfAnswering() {
        MvelSandbox strict = MvelSandbox.builder().evaluationBudget(Duration.ofNanos(1)).build();
        MvelCondition c = strict.compile("slow", ConditionLanguageTest.SALON, true);
        ConditionEvaluationException e = catchThrowableOfType(ConditionEvaluationException.class,
                () -> Views.a().eval(c));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("rule 'slow'", "over the budget");
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PROGRAM);
    }

    @Test
    void theLargestConditionOverLargeInputsStaysWellInsideTheDefaultBudget() {
        // the language has no loops, so the worst case is the longest expression reading the largest inputs
        List<String> tags = IntStream.range(0, 100_000).mapToObj(i -> "tag-" + i).collect(Collectors.toList());
        String sku = "S".repeat(100_000);
        MemberView m = new MemberView("m", "gold", tags, null, null, null, Instant.EPOCH, null, 0);
        LineView l = new LineView("1", sku, "service", BigDecimal.ONE, BigDecimal.TEN, BigDecimal.TEN);
        TxView tx = new TxView("t", "purchase", null, null, BigDecimal.TEN, Instant.EPOCH, DayOfWeek.MONDAY, 9,
                java.util.Collections.nCopies(10_000, l), Map.of());
        String term = "(member.tags.contains('absent') || line.sku.contains('SX') || hasSku(tx, 'no'))";
        // as many terms as the default limits accept
        MvelCondition c = MvelConditions.compile("worst", term, true);
        for (String more = term + " || " + term; ; more = more + " || " + term) {
            try {
                c = MvelConditions.compile("worst", more, true);
            } catch (ConditionException limit) {
                assertThat(limit.getMessage()).containsAnyOf("too large", "over the limit");
                break;
            }
        }
        assertThat(c.source().length()).isGreaterThan(1000);
        long start = System.nanoTime();
        assertThat(c.test(m, tx, l)).isFalse(); // would throw past the one-second budget
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(MvelSandbox.ofDefaults().evaluationBudget());
    }

    @Test
    void oneConditionEvaluatesConcurrentlyAndPastMvelsJitThreshold() throws Exception {
        MvelCondition c = MvelConditions.compile("busy",
                "member.points > 1000 && tx.total >= 100 && line.sku.startsWith('COLOR-')", true);
        Views a = Views.a();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> wrong = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                wrong.add(pool.submit(() -> {
                    int mismatches = 0;
                    for (int i = 0; i < 5_000; i++) {
                        long points = (i * 7L + seed) % 2000;
                        MemberView m = new MemberView("m", "gold", List.of(), null, null, null, Instant.EPOCH, null,
                                points);
                        if (c.test(m, a.tx(), a.line()) != (points > 1000)) {
                            mismatches++;
                        }
                    }
                    return mismatches;
                }));
            }
            for (Future<Integer> f : wrong) {
                assertThat(f.get()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
