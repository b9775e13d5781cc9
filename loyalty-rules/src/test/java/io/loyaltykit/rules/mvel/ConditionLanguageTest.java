package io.loyaltykit.rules.mvel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** What the condition language accepts, how it evaluates, and what it refuses at load. */
class ConditionLanguageTest {

    static final String SALON = "line.sku.startsWith('COLOR-') && member.tags.contains('colour')";

    /** Conditions, and their value on {@link Views#a()} and on {@link Views#b()}. */
    static Stream<Arguments> valid() {
        return Stream.of(
                arguments(SALON, true, false),
                arguments("line.sku().startsWith(\"COLOR-\") && member.tags().contains(\"colour\")", true, false),
                arguments("member.tier == 'gold'", true, false),
                arguments("member.tier != 'gold'", false, true),
                arguments("member.tags.contains('vip') || member.points >= 1000", true, false),
                arguments("!member.tags.isEmpty()", true, false),
                arguments("member.tags.size() == 0", false, true),
                arguments("member.points > 1000", true, false),
                arguments("member.points > 99.5", true, false),
                arguments("member.points / 7 > 171.4", true, false),
                arguments("member.points % 7 == 3", true, false),
                arguments("member.points * 2 + 1 >= 2401", true, false),
                arguments("-member.points < -100", true, false),
                arguments("member.points - tx.hour == 1190", true, false),
                arguments("tx.total >= 100", true, false),
                arguments("tx.total == 359", true, false),
                arguments("tx.total == 359.000", true, false),
                arguments("tx.total / 3 > 119.66", true, false),
                arguments("tx.total - line.net == 91.00", true, false),
                arguments("line.qty * line.unitPrice == 268", true, false),
                arguments("line.net.compareTo(100) > 0", true, false),
                arguments("line.net.signum() == 1 && line.net.max(200).intValue() == 268", true, false),
                arguments("line.qty == 1 && line.category == 'service'", true, true),
                arguments("line.category == 'service' && line.unitPrice > 100.00", true, false),
                arguments("line.sku.length() == 8 && line.sku.substring(0, 5) == 'COLOR'", true, false),
                arguments("line.sku.toLowerCase().contains('color')", true, false),
                arguments("line.sku.indexOf('-') == 5 && line.sku.endsWith('01')", true, false),
                arguments("line.sku + '/' + line.category == 'COLOR-01/service'", true, false),
                arguments("member.tier.equalsIgnoreCase('GOLD')", true, false),
                arguments("member.gender == 'F'", true, false),
                arguments("member.gender == null", false, true),
                arguments("member.gender != null && member.gender.equals('F')", true, false),
                arguments("member.store == tx.store", true, false),
                arguments("member.referrer != null", true, false),
                arguments("member.birthday != null && member.birthday.getMonthValue() == 7", true, false),
                arguments("member.birthday != null && member.birthday.getMonth() == 'JULY'", true, false),
                arguments("member.birthday != null && member.birthday.getDayOfWeek() == 'SUNDAY'", true, false),
                arguments("member.enrolledAt.isBefore(tx.at)", true, true),
                arguments("daysBetween(member.enrolledAt, tx.at) > 365", true, false),
                arguments("tx.dayOfWeek == 'TUESDAY' && tx.hour >= 10 && tx.hour < 14", true, false),
                arguments("tx.dayOfWeek != 'TUESDAY'", false, true),
                arguments("tx.dayOfWeek.getValue() <= 5", true, false),
                arguments("tx.type == 'purchase' && tx.staff != null", true, false),
                arguments("tx.lines.size() >= 2", true, false),
                arguments("tx.lines.contains(line)", true, true),
                arguments("hasCategory(tx, 'retail')", true, false),
                arguments("hasSku(tx, 'CUT-01')", false, true),
                arguments("categoryNet(tx, 'retail') >= 91.00", true, false),
                arguments("tx.attributes['channel'] != null", true, false),
                arguments("tx.attributes.containsKey('visits')", true, false),
                arguments("attrText(tx, 'channel') == 'wechat'", true, false),
                arguments("attrNumber(tx, 'visits', 0) >= 3 && attrNumber(tx, 'rating', 0) == 4.5", true, false),
                arguments("attrFlag(tx, 'first')", true, false),
                arguments("(member.points > 5) == tx.lines.isEmpty()", false, false),
                arguments("(member).tier == 'gold' && (member.tier).length() == 4", true, false),
                arguments("member.tier != '金卡' && line.sku + '美发' == 'COLOR-01美发'", true, false),
                arguments("attrText(tx, 'channel') != 'we\\'chat \"x\"\\n' && tx.id != \"p\\\\1\"", true, true),
                arguments("true", true, true),
                arguments("1 == 2", false, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void evaluatesAgainstTheViews(String expression, boolean onA, boolean onB) {
        MvelCondition c = MvelConditions.compile("r", expression, true);
        Views a = Views.a();
        Views b = Views.b();
        assertThat(a.eval(c)).as("on a").isEqualTo(onA);
        assertThat(b.eval(c)).as("on b").isEqualTo(onB);
        assertThat(a).as("views are read-only").isEqualTo(Views.a());
        assertThat(b).isEqualTo(Views.b());
        assertThat(c.source()).isEqualTo(expression);
        assertThat(c.ruleId()).isEqualTo("r");
    }

    @Test
    void theSalonConditionCompilesToCanonicalMvel() {
        MvelCondition c = MvelConditions.compile("colour-regulars", SALON, true);
        assertThat(c.mvel()).isEqualTo("line.sku().startsWith(\"COLOR-\") && member.tags().contains(\"colour\")");
        assertThat(c.readsLine()).isTrue();
    }

    @Test
    void wholeNumbersMeetingDecimalsAreConvertedExactlyNeverThroughDouble() {
        // plain MVEL computes long / BigDecimal through double: 1200 / 7 came out as 171.4285714285714163...
        MvelCondition c = MvelConditions.compile("r", "member.points / 7 == 171.4285714285714285714285714285714", true);
        assertThat(c.mvel()).contains("lk__fn.dec(member.points())").contains("7B");
        assertThat(Views.a().eval(c)).isTrue();
        MvelCondition tenth = MvelConditions.compile("r", "tx.total + 0.1 == 359.1", true);
        assertThat(Views.a().eval(tenth)).isTrue();
    }

    @Test
    void textLiteralsHoldExactlyWhatTheySay() {
        String tricky = "it's \"quoted\"\n\t\\ 金 @{x} ${y} \u00e9";
        Views a = Views.a();
        java.util.function.Function<Object, Views> with = value -> new Views(a.member(),
                new io.loyaltykit.program.TxView("p", "purchase", null, null, java.math.BigDecimal.ONE,
                        a.tx().at(), a.tx().dayOfWeek(), 1, a.tx().lines(), java.util.Map.of("q", value)), a.line());
        MvelCondition c = MvelConditions.compile("r",
                "attrText(tx, 'q') == 'it\\'s \"quoted\"\\n\\t\\\\ 金 @{x} ${y} \u00e9'", true);
        assertThat(with.apply(tricky).eval(c)).isTrue();
        assertThat(with.apply(tricky.replace("金", "x")).eval(c)).isFalse();
        assertThat(with.apply(tricky.trim() + " ").eval(c)).isFalse();
    }

    @Test
    void readsLineTellsWhetherTheConditionReadsLine() {
        assertThat(MvelConditions.compile("r", "member.points > 0", true).readsLine()).isFalse();
        assertThat(MvelConditions.compile("r", "member.points > 0", false).readsLine()).isFalse();
        assertThat(MvelConditions.compile("r", "hasCategory(tx, 'x') || line.qty > 1", true).readsLine()).isTrue();
        assertThat(MvelConditions.compile("r", "tx.lines.contains(line)", true).readsLine()).isTrue();
    }

    @Test
    void aConditionWithoutLineEvaluatesWithoutOne() {
        MvelCondition c = MvelConditions.compile("welcome-vip", "member.tags.contains('vip')", false);
        Views a = Views.a();
        assertThat(c.test(a.member(), a.tx(), null)).isTrue();
        assertThat(c.test(Views.b().member(), a.tx(), null)).isFalse();
    }

    /** Refused conditions: expression, whether line is declared, the token named, a fragment of the reason. */
    static Stream<Arguments> refused() {
        return Stream.of(
                arguments("member.tier > 3", true, ">", "orders numbers"),
                arguments("member.salary > 3", true, "salary", "not allowed on member"),
                arguments("member.points.value > 3", true, "value", "not allowed on member.points"),
                arguments("line.sku.startsWith('COLOR-')", false, "line", "only declared in conditions of purchase"),
                arguments("member.points", true, "member.points", "must be true or false"),
                arguments("line.sku", true, "line.sku", "must be true or false"),
                arguments("member.tier + 1 == 'gold1'", true, "+", "adds numbers or joins two texts"),
                arguments("member.tags.contains(3)", true, "3", "must be a text"),
                arguments("line.sku.substring('a')", true, "'a'", "must be a whole number (int)"),
                arguments("line.sku.substring(member.points)", true, "points", "must be a whole number (int)"),
                arguments("line.sku.startsWith()", true, "startsWith", "does not take 0 argument"),
                arguments("line.sku.length > 3", true, "length", "write length()"),
                arguments("tx.dayOfWeek == 'Tuesday'", true, "'Tuesday'", "not a day of week"),
                arguments("tx.dayOfWeek == member.tier", true, "==", "compared with another day of week"),
                arguments("tx.attributes['visits'] > 3", true, ">", "orders numbers"),
                arguments("tx.attributes['visits'] == 3", true, "==", "only be compared with null"),
                arguments("tx.lines[0].sku == 'x'", true, "[", "only tx.attributes can be indexed"),
                arguments("member.points == null", true, "==", "never null"),
                arguments("member.enrolledAt < tx.at", true, "<", "isBefore"),
                arguments("member.enrolledAt == tx.at", true, "==", "compares numbers, texts"),
                arguments("tx.total % 2 == 0", true, "%", "takes whole numbers"),
                arguments("!member.points", true, "!", "needs true or false"),
                arguments("-member.tier == 'x'", true, "-", "needs a number"),
                arguments("member.points > 0 && 5", true, "&&", "joins true/false"),
                arguments("1 < member.points < 3", true, "<", "do not chain"),
                arguments("member.tier == 'a' == true", true, "==", "do not chain"),
                arguments("member.tags contains 'vip'", true, "contains", "not an operator"),
                arguments("member.points > 99999999999999999999", true, "99999999999999999999", "too large"),
                arguments("member.points > 1.", true, ".", "not from a literal"),
                arguments("member.points > 1.e3", true, ".", "not from a literal"),
                arguments("hasCategory('retail')", true, "hasCategory", "takes 2 argument"),
                arguments("nosuch(tx)", true, "nosuch", "unknown function"),
                arguments("(member.tier + 'x').length() > 3", true, ".", "not from a literal or an operator's result"),
                arguments("'gold'.length() == 4", true, ".", "not from a literal"),
                arguments("member.tier == 'gold", true, "'gold", "unterminated"),
                arguments("(member.points > 0", true, null, "to close the parenthesis"),
                arguments("member.points > 0)", true, ")", "after a complete expression"),
                arguments("", true, null, "empty"),
                arguments("   ", true, null, "empty"),
                arguments(null, true, null, "empty"));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("refused")
    void refusesAtLoadWithTheRuleAndTheToken(String expression, boolean lineRule, String token, String why) {
        ConditionException e = catchThrowableOfType(ConditionException.class,
                () -> MvelConditions.compile("rule-x", expression, lineRule));
        assertThat(e).as(String.valueOf(expression)).isNotNull();
        assertThat(e.getMessage()).startsWith("rule 'rule-x': ").contains(why);
        assertThat(e.token()).isEqualTo(token);
        if (token != null) {
            assertThat(e.getMessage()).contains("token '" + token + "'");
        }
    }

    @Test
    void aRefusalSaysWhereTheTokenIs() {
        ConditionException e = catchThrowableOfType(ConditionException.class,
                () -> MvelConditions.compile("r", "member.tier == 'gold' &&\n  member.salary > 3", true));
        assertThat(e.offset()).isEqualTo(34);
        assertThat(e.getMessage()).contains("token 'salary' at line 2, column 10");
    }

    @Test
    void aLongListOfAlternativesIsFlatNotNested() {
        String skus = java.util.stream.IntStream.range(0, 45).mapToObj(i -> "line.sku == 'SKU-" + i + "'")
                .collect(java.util.stream.Collectors.joining(" || "));
        MvelCondition c = MvelConditions.compile("r", skus + " || line.sku == 'COLOR-01'", true);
        assertThat(c.mvel()).startsWith("(line.sku() == \"SKU-0\") || (line.sku() == \"SKU-1\") ||");
        assertThat(Views.a().eval(c)).isTrue();
        assertThat(Views.b().eval(c)).isFalse();
        // nesting is still bounded
        assertThat(catchThrowableOfType(ConditionException.class, () -> MvelConditions.compile("r",
                "!(".repeat(40) + "true" + ")".repeat(40), true)).getMessage()).contains("nests too deeply");
    }

    @Test
    void aNonBooleanConditionIsRefusedFromItsStart() {
        ConditionException e = catchThrowableOfType(ConditionException.class,
                () -> MvelConditions.compile("r", "  member.points + 1", true));
        assertThat(e.offset()).isEqualTo(2);
        assertThat(e.token()).isEqualTo("member.points + 1");
    }

    @Test
    void limitsAreConfigurable() {
        MvelSandbox small = MvelSandbox.builder().maxLength(20).maxDepth(3).maxNodes(5).build();
        assertThat(small.compile("r", "member.points > 1", true).test(Views.a().member(), Views.a().tx(),
                Views.a().line())).isTrue();
        assertThat(catchThrowableOfType(ConditionException.class,
                () -> small.compile("r", "member.points > 1 && member.points < 5", true)).getMessage())
                .contains("over the limit of 20");
        assertThat(catchThrowableOfType(ConditionException.class,
                () -> small.compile("r", "!(!(!(!(true))))", true)).getMessage()).contains("nests too deeply");
        assertThat(catchThrowableOfType(ConditionException.class,
                () -> small.compile("r", "1 == 1 && 2 == 2", true)).getMessage()).contains("too large");
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> MvelSandbox.builder().maxDepth(0))).hasMessageContaining("maxDepth");
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> MvelSandbox.builder().evaluationBudget(java.time.Duration.ZERO)))
                .hasMessageContaining("evaluationBudget");
    }
}
