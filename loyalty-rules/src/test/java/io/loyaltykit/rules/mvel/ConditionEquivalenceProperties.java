package io.loyaltykit.rules.mvel;

import io.loyaltykit.program.LineView;
import io.loyaltykit.program.MemberView;
import io.loyaltykit.program.TxView;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random conditions built from the allow-list, each paired with the Java predicate it means, evaluate the
 * same through the sandbox as in Java, on random views.
 */
class ConditionEquivalenceProperties {

    /** A condition's text and the Java predicate it means. */
    record Cond(String text, Predicate<Views> java) {
        @Override
        public String toString() {
            return text;
        }
    }

    private static final List<String> OPS = List.of("<", "<=", ">", ">=", "==", "!=");
    private static final List<String> TIERS = List.of("regular", "silver", "gold");
    private static final List<String> TAGS = List.of("colour", "vip", "student");
    private static final List<String[]> CATALOGUE = List.of(new String[] {"COLOR-01", "service"},
            new String[] {"CUT-01", "service"}, new String[] {"SHAMPOO-500", "retail"},
            new String[] {"GIFT-100", "gift-card"});
    private static final List<String> PRICES = List.of("88.00", "268.00", "0.50", "10.10", "45.5");

    private static boolean compare(int c, String op) {
        return switch (op) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            case "==" -> c == 0;
            default -> c != 0;
        };
    }

    private static Arbitrary<String> op() {
        return Arbitraries.of(OPS);
    }

    private static Arbitrary<BigDecimal> decimal() {
        return Arbitraries.bigDecimals().between(new BigDecimal("-50"), new BigDecimal("800")).ofScale(2)
                .edgeCases(e -> e.add(new BigDecimal("88.00")).add(BigDecimal.ZERO));
    }

    /** A whole-number comparison: text on the left, its Java value, against a literal. */
    private static Arbitrary<Cond> longComparison(String text, Function<Views, Long> value) {
        return Combinators.combine(op(), Arbitraries.longs().between(-20, 3000)).as((op, n) ->
                new Cond(text + " " + op + " " + n, v -> compare(Long.compare(value.apply(v), n), op)));
    }

    private static Arbitrary<Cond> decimalComparison(String text, Function<Views, BigDecimal> value) {
        return Combinators.combine(op(), decimal()).as((op, d) ->
                new Cond(text + " " + op + " " + d.toPlainString(), v -> compare(value.apply(v).compareTo(d), op)));
    }

    private static Arbitrary<Cond> atom() {
        MathContext mc = MathContext.DECIMAL128;
        return Arbitraries.oneOf(List.of(
                longComparison("member.points", v -> v.member().points()),
                longComparison("member.points + tx.hour", v -> v.member().points() + v.tx().hour()),
                longComparison("member.points * 3 - tx.hour", v -> v.member().points() * 3 - v.tx().hour()),
                longComparison("-member.points", v -> -v.member().points()),
                longComparison("line.sku.length() * 100", v -> (long) v.line().sku().length() * 100),
                Combinators.combine(Arbitraries.integers().between(1, 9), Arbitraries.integers().between(-3, 8))
                        .as((m, r) -> new Cond("member.points % " + m + " == " + r,
                                v -> v.member().points() % m == r)),
                decimalComparison("tx.total", v -> v.tx().total()),
                decimalComparison("member.points", v -> BigDecimal.valueOf(v.member().points())),
                decimalComparison("member.points / 7", v -> BigDecimal.valueOf(v.member().points())
                        .divide(BigDecimal.valueOf(7), mc)),
                decimalComparison("tx.total / 3", v -> v.tx().total().divide(BigDecimal.valueOf(3), mc)),
                decimalComparison("line.qty * line.unitPrice", v -> v.line().qty().multiply(v.line().unitPrice())),
                decimalComparison("tx.total - line.net", v -> v.tx().total().subtract(v.line().net())),
                decimalComparison("line.net + tx.hour", v -> v.line().net().add(BigDecimal.valueOf(v.tx().hour()))),
                decimalComparison("categoryNet(tx, 'service')", v -> v.tx().lines().stream()
                        .filter(l -> l.category().equals("service")).map(LineView::net)
                        .reduce(BigDecimal.ZERO, BigDecimal::add)),
                Arbitraries.of(TIERS).map(t -> new Cond("member.tier == '" + t + "'",
                        v -> v.member().tier().equals(t))),
                Arbitraries.of(TIERS).map(t -> new Cond("member.tier != '" + t + "'",
                        v -> !v.member().tier().equals(t))),
                Arbitraries.of(TAGS).map(t -> new Cond("member.tags.contains('" + t + "')",
                        v -> v.member().tags().contains(t))),
                Arbitraries.of("F", "M").map(g -> new Cond("member.gender == '" + g + "'",
                        v -> g.equals(v.member().gender()))),
                Arbitraries.just(new Cond("member.gender == null", v -> v.member().gender() == null)),
                Arbitraries.of("F", "M").map(g -> new Cond("member.gender != null && member.gender.equals('" + g + "')",
                        v -> g.equals(v.member().gender()))),
                Arbitraries.of("COLOR-", "CUT", "SHAMPOO", "X").map(p -> new Cond("line.sku.startsWith('" + p + "')",
                        v -> v.line().sku().startsWith(p))),
                Arbitraries.of("color", "cut", "00").map(p -> new Cond("line.sku.toLowerCase().contains('" + p + "')",
                        v -> v.line().sku().toLowerCase(java.util.Locale.ROOT).contains(p))),
                Arbitraries.of(CATALOGUE).map(c -> new Cond("line.sku + '/' + line.category == '" + c[0] + "/" + c[1]
                        + "'", v -> (v.line().sku() + "/" + v.line().category()).equals(c[0] + "/" + c[1]))),
                Arbitraries.of("service", "retail", "gift-card").map(c -> new Cond("hasCategory(tx, '" + c + "')",
                        v -> v.tx().lines().stream().anyMatch(l -> l.category().equals(c)))),
                Arbitraries.of(DayOfWeek.values()).map(d -> new Cond("tx.dayOfWeek == '" + d + "'",
                        v -> v.tx().dayOfWeek() == d)),
                Arbitraries.integers().between(0, 23).map(h -> new Cond("tx.hour >= " + h,
                        v -> v.tx().hour() >= h)),
                Arbitraries.integers().between(0, 3).map(n -> new Cond("tx.lines.size() > " + n,
                        v -> v.tx().lines().size() > n)),
                Arbitraries.of(true, false).map(b -> new Cond(b.toString(), v -> b))));
    }

    private static Arbitrary<Cond> cond(int depth) {
        if (depth == 0) {
            return atom();
        }
        Arbitrary<Cond> sub = cond(depth - 1);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, atom()),
                net.jqwik.api.Tuple.of(1, sub.map(c -> new Cond("!(" + c.text() + ")", c.java().negate()))),
                net.jqwik.api.Tuple.of(2, Combinators.combine(sub, sub).as((a, b) ->
                        new Cond("(" + a.text() + ") && (" + b.text() + ")", a.java().and(b.java())))),
                net.jqwik.api.Tuple.of(2, Combinators.combine(sub, sub).as((a, b) ->
                        new Cond("(" + a.text() + ") || (" + b.text() + ")", a.java().or(b.java())))));
    }

    @Provide
    Arbitrary<Cond> conditions() {
        return cond(3);
    }

    @Provide
    Arbitrary<Views> views() {
        Arbitrary<LineView> line = Combinators.combine(Arbitraries.of(CATALOGUE), Arbitraries.integers().between(1, 3),
                Arbitraries.of(PRICES)).as((c, q, p) -> Views.line("1", c[0], c[1], q.toString(), p));
        Arbitrary<MemberView> member = Combinators.combine(Arbitraries.of(TIERS),
                Arbitraries.subsetOf(TAGS).map(ArrayList::new), Arbitraries.of("F", "M", "").map(g -> g.isEmpty() ? null : g),
                Arbitraries.longs().between(-50, 3000))
                .as((tier, tags, gender, points) -> new MemberView("m", tier, tags, gender, null, null,
                        Instant.EPOCH, null, points));
        return Combinators.combine(member, line.list().ofMinSize(1).ofMaxSize(3), Arbitraries.integers().between(0, 2),
                Arbitraries.of(DayOfWeek.values()), Arbitraries.integers().between(0, 23))
                .as((m, lines, pick, day, hour) -> {
                    BigDecimal total = lines.stream().map(LineView::net).reduce(BigDecimal.ZERO, BigDecimal::add);
                    TxView tx = new TxView("t", "purchase", null, null, total, Instant.EPOCH, day, hour, lines,
                            Map.of());
                    return new Views(m, tx, lines.get(Math.min(pick, lines.size() - 1)));
                });
    }

    @Property(tries = 600, edgeCases = EdgeCasesMode.MIXIN)
    void aConditionMeansWhatTheEquivalentJavaPredicateMeans(@ForAll("conditions") Cond c,
                                                            @ForAll("views") Views v) {
        MvelCondition compiled = MvelConditions.compile("generated", c.text(), true);
        assertThat(compiled.test(v.member(), v.tx(), v.line())).as(c.text() + " on " + v + " via " + compiled.mvel())
                .isEqualTo(c.java().test(v));
        assertThat(Objects.requireNonNull(compiled.mvel())).doesNotContain("'");
    }
}
