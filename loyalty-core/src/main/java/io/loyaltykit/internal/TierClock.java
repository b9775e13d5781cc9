package io.loyaltykit.internal;

import io.loyaltykit.ledger.QualifyingEntry;
import io.loyaltykit.program.Span;
import io.loyaltykit.program.TierLevel;
import io.loyaltykit.program.TierPolicy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A member's level as a function of the qualifying history and the instant: upgrade as soon as the metric
 * reaches a threshold, downgrade once it has stayed below the held level's threshold for the grace span
 * (counted from the instant it fell, whether or not anything happened then).
 */
public final class TierClock {
    private final TierPolicy policy;
    private final ZoneId zone;

    /** A clock for a policy in a zone. */
    public TierClock(TierPolicy policy, ZoneId zone) {
        this.policy = policy;
        this.zone = zone;
    }

    /** The metric at {@code t}: contributions in {@code (t - window, t]}. */
    public BigDecimal metric(List<QualifyingEntry> entries, Instant t) {
        Instant from = policy.window() == null ? null : policy.window().subtractFrom(t, zone);
        BigDecimal sum = BigDecimal.ZERO;
        for (QualifyingEntry e : entries) {
            if (!e.at().isAfter(t) && (from == null || e.at().isAfter(from))) {
                sum = sum.add(e.amount());
            }
        }
        return sum;
    }

    /** The level supported by a metric value. */
    public int supported(BigDecimal metric) {
        int idx = 0;
        List<TierLevel> levels = policy.levels();
        for (int i = 0; i < levels.size(); i++) {
            if (metric.compareTo(levels.get(i).threshold()) >= 0) {
                idx = i;
            }
        }
        return idx;
    }

    /** The level held at {@code t}, given every contribution (entries after {@code t} are ignored). */
    public TierLevel levelAt(List<QualifyingEntry> entries, Instant t) {
        List<QualifyingEntry> upTo = new ArrayList<>();
        TreeSet<Instant> points = new TreeSet<>();
        java.util.Set<Instant> eventInstants = new java.util.HashSet<>();
        for (QualifyingEntry e : entries) {
            if (!e.at().isAfter(t)) {
                upTo.add(e);
                points.add(e.at());
                eventInstants.add(e.at());
                if (policy.window() != null) {
                    Instant exit = policy.window().addTo(e.at(), zone);
                    if (!exit.isAfter(t)) {
                        points.add(exit);
                    }
                }
            }
        }
        List<TierLevel> levels = policy.levels();
        Span grace = policy.downgradeGrace();
        int level = 0;
        Instant fallSince = null;
        for (Instant p : points) {
            if (fallSince != null) {
                Instant deadline = grace.addTo(fallSince, zone);
                if (!deadline.isAfter(p)) {
                    level = supported(metric(upTo, deadline));
                    fallSince = null;
                }
            }
            BigDecimal m = metric(upTo, p);
            int sup = supported(m);
            // upgrades happen on events only; a return leaving the window does not promote anyone
            if (sup > level && eventInstants.contains(p)) {
                level = sup;
                fallSince = null;
            } else if (sup > level) {
                fallSince = null;
            } else if (m.compareTo(levels.get(level).threshold()) < 0) {
                if (grace != null && fallSince == null) {
                    fallSince = p;
                    if (grace.isZero()) {
                        level = sup;
                        fallSince = null;
                    }
                }
            } else {
                fallSince = null;
            }
        }
        if (fallSince != null && !grace.addTo(fallSince, zone).isAfter(t)) {
            level = supported(metric(upTo, grace.addTo(fallSince, zone)));
        }
        return levels.get(level);
    }
}
