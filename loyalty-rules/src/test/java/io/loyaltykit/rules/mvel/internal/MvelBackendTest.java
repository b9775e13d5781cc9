package io.loyaltykit.rules.mvel.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The third gate on its own: MVEL text that did not come from the checker is refused after compilation
 * when it holds anything but reads the checker wrote, literals and the language's operators, and
 * compiling it loads no class outside the views.
 */
class MvelBackendTest {

    @TempDir
    Path dir;

    private static Refusal refusal(String mvel, Set<String> chains) {
        return catchThrowableOfType(Refusal.class,
                () -> MvelBackend.compile(new Checker.Result(mvel, chains, true), true));
    }

    @Test
    void acceptsTextWhoseReadsTheCheckerWrote() {
        assertThat(MvelBackend.compile(new Checker.Result("(member.points() > 5) && !(line.sku() == \"x\")",
                Set.of("member.points()", "line.sku()"), true), true)).isNotNull();
    }

    @Test
    void refusesAReadTheCheckerDidNotWrite() {
        assertThat(refusal("member.tier() == \"a\"", Set.of("member.id()")).getMessage())
                .contains("member.tier()", "did not write");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "System.exit(0) == null",
        "Runtime.getRuntime().availableProcessors() > 0",
        "member.points() > 5 ? true : false",
        "member.tier() contains \"g\"",
        "member.tier() is String",
        "member.tier() ~= \"g.*\"",
        "member.points() > 1; member.points() > 2",
        "x = 1",
        "def f() { true }; f()",
        "foreach (t : member.tags()) { }",
        "[1, 2].size() > 0",
        "(member.tier() in member.tags()).size() > 0",
        "member.points() << 2 > 0",
        "member.points() instanceof Long",
        "(String) member.tier() == \"a\"",
    })
    void refusesWhatTheLanguageDoesNotHave(String mvel) {
        assertThat(refusal(mvel, Set.of("member.points()", "member.tier()", "member.tags()", "x"))).isNotNull();
    }

    @Test
    void compilingNeitherCreatesFilesNorLoadsClassesNamedInTheText() throws Exception {
        Path file = dir.resolve("marker");
        assertThat(refusal("new java.io.File(\"" + file + "\").createNewFile()", Set.of())).isNotNull();
        assertThat(refusal("io.loyaltykit.rules.mvel.internal.BackendTripwire != null",
                Set.of("io.loyaltykit.rules.mvel.internal.BackendTripwire"))).isNotNull();
        assertThat(Files.exists(file)).isFalse();
        assertThat(System.getProperty("loyaltykit.test.backend-tripwire")).isNull();
    }

    @Test
    void theCompilersClassLoaderReachesOnlyTheJdkMvelAndTheViews() throws Exception {
        ClassLoader l = MvelBackend.VIEWS_ONLY;
        assertThat(l.loadClass("io.loyaltykit.program.MemberView")).isNotNull();
        assertThat(l.loadClass("java.lang.String")).isEqualTo(String.class);
        assertThat(l.loadClass("org.mvel2.compiler.Accessor")).isNotNull();
        assertThat(catchThrowableOfType(ClassNotFoundException.class,
                () -> l.loadClass("io.loyaltykit.rules.mvel.internal.BackendTripwire"))).isNotNull();
        assertThat(catchThrowableOfType(ClassNotFoundException.class,
                () -> l.loadClass("io.loyaltykit.internal.Engine"))).isNotNull();
        assertThat(System.getProperty("loyaltykit.test.backend-tripwire")).isNull();
    }
}
