package io.loyaltykit.rules.mvel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mvel2.MVEL;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The sandbox against a corpus of hostile conditions: process execution, the JVM, reflection, class
 * loading, I/O, loops, allocation, writes, nested evaluation, regular expressions. Each one is refused at
 * load, naming the rule and the offending token, and none of their effects happens.
 */
class HostileConditionsTest {

    /** A hostile condition and the token its refusal must name. */
    record Case(String name, String token, String expression) {
        @Override
        public String toString() {
            return name + ": " + expression;
        }
    }

    @TempDir
    static Path dir;

    static String marker() {
        return dir.resolve("marker").toString();
    }

    static List<Case> corpus() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = HostileConditionsTest.class.getResourceAsStream("/mvel/hostile.tsv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String row;
            int n = 0;
            while ((row = r.readLine()) != null) {
                n++;
                if (row.isBlank() || row.startsWith("#")) {
                    continue;
                }
                int tab = row.indexOf('\t');
                cases.add(new Case("hostile-" + n, row.substring(0, tab),
                        row.substring(tab + 1).replace("MARKER", marker())));
            }
        }
        // what a text file cannot hold comfortably: control and look-alike characters, sheer size
        cases.add(new Case("cve-2023-50571", "\b", "\bio.loyaltykit.rules.mvel.Tripwire"));
        cases.add(new Case("nul-in-text", "\u0000", "member.tier == 'gold\u0000'"));
        cases.add(new Case("greek-question-mark", "\u037e", "member.points > 0 \u037e System.exit(0)"));
        cases.add(new Case("unicode-escape", "\\u", "member.tier == 'x\\u0041'"));
        cases.add(new Case("fullwidth-identifier", "\uff33", "\uff33ystem.exit(0)"));
        cases.add(new Case("long-literal-suffix", "10L", "member.points > 10L"));
        cases.add(new Case("octal", "010", "member.points == 010"));
        cases.add(new Case("hex", "0x7fffffff", "member.points < 0x7fffffff"));
        cases.add(new Case("deep-nesting", "(", "(".repeat(200) + "true" + ")".repeat(200)));
        cases.add(new Case("wide", "&&", "true" + " && true".repeat(200)));
        cases.add(new Case("too-long", "member.tags.contains...", "member.tags.contains('" + "x".repeat(5000) + "')"));
        return cases;
    }

    @Test
    void theCorpusIsLargeAndCoversEveryKindOfAttack() throws IOException {
        List<Case> cases = corpus();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(30);
        String all = cases.stream().map(Case::expression).collect(Collectors.joining("\n"));
        assertThat(all).contains("exec(", "System.exit", "forName", "ClassLoader", "java.io.File", "Socket",
                "while (true)", "new byte[", "member.tier = ", "MVEL.eval", "matches(", "Tripwire");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedAtLoadNamingTheRuleAndTheToken(Case c) {
        ConditionException e = catchThrowableOfType(ConditionException.class,
                () -> MvelConditions.compile(c.name(), c.expression(), true));
        assertThat(e).as(c.expression()).isNotNull();
        assertThat(e.token()).isEqualTo(c.token());
        assertThat(e.ruleId()).isEqualTo(c.name());
        assertThat(e.getMessage()).startsWith("rule '" + c.name() + "': ").contains("token '" + c.token() + "'");
    }

    @Test
    void noneOfTheirEffectsHappened() throws IOException {
        Properties before = (Properties) System.getProperties().clone();
        Set<Thread> threadsBefore = new HashSet<>(Thread.getAllStackTraces().keySet());
        Views a = Views.a();
        Views untouched = Views.a();

        int refused = 0;
        for (Case c : corpus()) {
            for (boolean lineRule : new boolean[] {true, false}) {
                ConditionException e = catchThrowableOfType(ConditionException.class,
                        () -> MvelConditions.compile(c.name(), c.expression(), lineRule));
                assertThat(e).as(c.expression()).isNotNull();
                refused++;
            }
        }
        assertThat(refused).isEqualTo(2 * corpus().size());

        // no process wrote the marker, no file I/O happened
        assertThat(Files.exists(Path.of(marker()))).isFalse();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        // no system property set, no class named in a condition initialised
        assertThat(System.getProperty("loyaltykit.hostile")).isNull();
        assertThat(System.getProperty("loyaltykit.test.tripwire")).isNull();
        assertThat(System.getProperties()).isEqualTo(before);
        // no thread started
        Set<Thread> started = new HashSet<>(Thread.getAllStackTraces().keySet());
        started.removeAll(threadsBefore);
        assertThat(started).filteredOn(Thread::isAlive).isEmpty();
        // the views a condition would read are as they were
        assertThat(a).isEqualTo(untouched);
    }

    @Test
    void theSameAttacksDoTakeEffectInPlainMvel() throws IOException {
        // a control: the checks above would see these effects, and it is the sandbox that prevents them
        Path file = dir.resolve("control");
        Map<String, Object> vars = new HashMap<>();
        try {
            MVEL.eval("System.setProperty('loyaltykit.test.control', 'pwned')", vars);
            assertThat(System.getProperty("loyaltykit.test.control")).isEqualTo("pwned");

            MVEL.compileExpression("io.loyaltykit.rules.mvel.ControlTripwire");
            assertThat(System.getProperty("loyaltykit.test.control-tripwire")).isEqualTo("fired");

            MVEL.eval("new java.io.File('" + file + "').createNewFile()", vars);
            assertThat(Files.exists(file)).isTrue();
        } finally {
            System.clearProperty("loyaltykit.test.control");
            System.clearProperty("loyaltykit.test.control-tripwire");
            Files.deleteIfExists(file);
        }
    }
}
