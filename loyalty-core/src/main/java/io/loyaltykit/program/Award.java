package io.loyaltykit.program;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an earning rule pays. The family is closed: a rule carries exactly one.
 */
public sealed interface Award {

    /**
     * Points per amount ({@code per} set) or per unit ({@code per} null). On purchases a line rule; on
     * top-ups, per amount topped up (principal only).
     *
     * @param points points paid
     * @param per    amount per which they are paid, or null for per unit of quantity
     */
    record Rate(BigDecimal points, BigDecimal per) implements Award {
        /** True when paid per unit of quantity. */
        public boolean perUnit() {
            return per == null;
        }
    }

    /**
     * Scales the rate points of the lines it matches.
     *
     * @param factor the multiplier, e.g. 1.5
     */
    record Multiplier(BigDecimal factor) implements Award {
    }

    /**
     * Steps on the earning net of the matching lines; the highest step reached pays once per purchase.
     *
     * @param steps steps in increasing order
     */
    record Bonus(List<Step> steps) implements Award {
        /** Copies the steps. */
        public Bonus {
            steps = List.copyOf(steps);
        }

        /**
         * One step.
         *
         * @param atLeast earning net needed
         * @param points  points paid
         */
        public record Step(BigDecimal atLeast, long points) {
        }
    }

    /**
     * A fixed award on enrol, top-up, check-in or a custom event.
     *
     * @param points points paid
     */
    record Fixed(long points) implements Award {
    }

    /**
     * A check-in streak: day 1 pays {@code start}, each next consecutive day {@code step} more, never above
     * {@code max}; after {@code cycle} days it starts again at day 1; a missed day restarts it.
     *
     * @param start day-1 points
     * @param step  increase per day
     * @param max   ceiling
     * @param cycle days per cycle (0 for none)
     */
    record Streak(long start, long step, long max, int cycle) implements Award {
        /** Points for streak day {@code day} (1-based). */
        public long pointsOnDay(int day) {
            return Math.min(max, start + step * (day - 1L));
        }
    }
}
