package io.loyaltykit.internal;

import io.loyaltykit.ledger.QualifyingEntry;
import io.loyaltykit.program.Span;
import io.loyaltykit.program.TierLevel;
import io.loyaltykit.program.TierPolicy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A member's level as a function of the qualifying history and the instant: upgrade on an event that
 * brings the metric to a threshold, downgrade once it has stayed below the held level's threshold for the
 * grace span (counted from the instant it fell, whether or not anything happened then).
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
        return new Sums(entries, t).metric(t);
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

    /** Prefix sums over the entries up to an instant, for metric look-ups in log time. */
    private final class Sums {
        final Instant[] at;
        final BigDecimal[] prefix;

        Sums(List<QualifyingEntry> entries, Instant upTo) {
            List<QualifyingEntry> in = new ArrayList<>();
            for (QualifyingEntry e : entries) {
                if (!e.at().isAfter(upTo)) {
                    in.add(e);
                }
            }
            in.sort((a, b) -> a.at().compareTo(b.at()));
            at = new Instant[in.size()];
            prefix = new BigDecimal[in.size() + 1];
            prefix[0] = BigDecimal.ZERO;
            for (int i = 0; i < in.size(); i++) {
                at[i] = in.get(i).at();
                prefix[i + 1] = prefix[i].add(in.get(i).amount());
            }
        }

        /** Sum of entries at or before t. */
        BigDecimal upTo(Instant t) {
            int lo = 0;
            int hi = at.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (at[mid].isAfter(t)) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return prefix[lo];
        }

        BigDecimal metric(Instant t) {
            BigDecimal all = upTo(t);
            return policy.window() == null ? all : all.subtract(upTo(policy.window().subtractFrom(t, zone)));
        }
    }

    /** The level held at {@code t}, given every contribution (entries after {@code t} are ignored). */
    public TierLevel levelAt(List<QualifyingEntry> entries, Instant t) {
        return walk(entries, t, null);
    }

    /** Every change of level up to {@code t}, in order: (instant, from, to). */
    public List<io.loyaltykit.TierChange> changes(List<QualifyingEntry> entries, Instant t) {
        List<io.loyaltykit.TierChange> out = new ArrayList<>();
        walk(entries, t, out);
        return out;
    }

    private void note(List<io.loyaltykit.TierChange> out, Instant at, int from, int to) {
        if (out != null && from != to) {
            out.add(new io.loyaltykit.TierChange(at, policy.levels().get(from).id(), policy.levels().get(to).id()));
        }
    }

    private TierLevel walk(List<QualifyingEntry> entries, Instant t, List<io.loyaltykit.TierChange> out) {
        List<TierLevel> levels = policy.levels();
        if (entries.isEmpty()) {
            return levels.get(0);
        }
        Sums sums = new Sums(entries, t);
        TreeSet<Instant> points = new TreeSet<>();
        Set<Instant> eventInstants = new HashSet<>();
        for (Instant a : sums.at) {
            points.add(a);
            eventInstants.add(a);
            if (policy.window() != null) {
                Instant exit = policy.window().addTo(a, zone);
                if (!exit.isAfter(t)) {
                    points.add(exit);
                }
            }
        }
        Span grace = policy.downgradeGrace();
        int level = 0;
        Instant fallSince = null;
        for (Instant p : points) {
            if (fallSince != null) {
                Instant deadline = grace.addTo(fallSince, zone);
                if (!deadline.isAfter(p)) {
                    int to = supported(sums.metric(deadline));
                    note(out, deadline, level, to);
                    level = to;
                    fallSince = null;
                }
            }
            BigDecimal m = sums.metric(p);
            int sup = supported(m);
            // upgrades happen on events only; a return leaving the window does not promote anyone
            if (sup > level && eventInstants.contains(p)) {
                note(out, p, level, sup);
                level = sup;
                fallSince = null;
            } else if (sup > level) {
                fallSince = null;
            } else if (m.compareTo(levels.get(level).threshold()) < 0) {
                if (grace != null && fallSince == null) {
                    fallSince = p;
                    if (grace.isZero()) {
                        note(out, p, level, sup);
                        level = sup;
                        fallSince = null;
                    }
                }
            } else {
                fallSince = null;
            }
        }
        if (fallSince != null && !grace.addTo(fallSince, zone).isAfter(t)) {
            Instant deadline = grace.addTo(fallSince, zone);
            int to = supported(sums.metric(deadline));
            note(out, deadline, level, to);
            level = to;
        }
        return levels.get(level);
    }
}
