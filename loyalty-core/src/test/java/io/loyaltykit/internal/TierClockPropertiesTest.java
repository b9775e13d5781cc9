package io.loyaltykit.internal;

import io.loyaltykit.ledger.QualifyingEntry;
import io.loyaltykit.program.TierLevel;
import io.loyaltykit.program.TierPolicy;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A member's level is a function of the qualifying history and the instant, not of the order written. */
class TierClockPropertiesTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Provide
    Arbitrary<List<QualifyingEntry>> histories() {
        // few distinct instants, so many entries share one
        Arbitrary<QualifyingEntry> entry = Combinators.combine(
                Arbitraries.integers().between(0, 30),
                Arbitraries.integers().between(-300, 900)).as((day, amount) ->
                new QualifyingEntry("q", "m", "e", T0.plusSeconds(86400L * day * 3), BigDecimal.valueOf(amount)));
        return entry.list().ofMaxSize(25);
    }

    @Property(tries = 1000)
    void theLevelDoesNotDependOnTheOrderOfEqualTimeEntries(@ForAll("histories") List<QualifyingEntry> history,
                                                           @ForAll boolean rolling, @ForAll long shuffleSeed) {
        TierPolicy.Builder b = TierPolicy.on(TierPolicy.Metric.SPEND).grace("P5D");
        if (rolling) {
            b.window("P20D");
        }
        TierPolicy policy = b.level("r", "R", "0").level(TierLevel.of("s", "S", "1000")).level(TierLevel.of("g", "G", "2500"))
                .build();
        TierClock clock = new TierClock(policy, ZONE);
        List<QualifyingEntry> sorted = new ArrayList<>(history);
        sorted.sort((x, y) -> x.at().compareTo(y.at()));
        List<QualifyingEntry> shuffled = new ArrayList<>(sorted);
        Collections.shuffle(shuffled, new Random(shuffleSeed));
        for (int d = 0; d <= 120; d++) {
            Instant t = T0.plusSeconds(86400L * d);
            TierLevel a = clock.levelAt(sorted, t);
            assertThat(clock.levelAt(shuffled, t)).isEqualTo(a);
            // the level held is never above what the metric has supported at some moment
            assertThat(a.threshold()).isLessThanOrEqualTo(maxMetric(clock, sorted, t));
        }
    }

    private static BigDecimal maxMetric(TierClock clock, List<QualifyingEntry> h, Instant t) {
        BigDecimal max = BigDecimal.ZERO;
        for (QualifyingEntry e : h) {
            if (!e.at().isAfter(t)) {
                max = max.max(clock.metric(h, e.at()));
            }
        }
        return max;
    }
}
