package io.loyaltykit.insights;

import io.loyaltykit.insights.internal.LedgerInsights;
import io.loyaltykit.program.Program;
import io.loyaltykit.store.LoyaltyStore;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The salon owner's questions about members, asked of a store: churn, birthdays, referrals, tiers, enrolments,
 * demographics, liability, chain settlement, credit and staff. Every answer is an immutable record, computed as
 * of an instant (or over a period {@code [from, to)}) from the ledger alone, so two stores holding the same
 * ledger give equal answers.
 *
 * <p>Common rules: a member counts from its enrolment instant (members enrolled after {@code asOf} are left
 * out); a <b>visit</b> is an applied purchase by the member (walk-ins are not visits); <b>spend</b> is the sum of
 * a purchase's line nets (after line and order discounts, before the points offset; returns are not subtracted);
 * a {@code null} store or staff means the event named none. Lists are sorted as each method says, ties broken by
 * member id, so answers compare with {@code equals}.
 *
 * <pre>{@code
 * Insights insights = Insights.of(program, store);
 * for (Insights.Lapsed m : insights.lapsed(Instant.now(), 60)) {
 *     sms.send(m.member(), "We miss you! 20% off your next visit.");
 * }
 * }</pre>
 *
 * <p>Bad arguments (a negative day count, {@code from} after {@code to}, a null instant) throw
 * {@link IllegalArgumentException} or {@link NullPointerException} before anything is read.
 */
public interface Insights {

    /** The generic implementation, reading members and their ledgers through the store's {@code LedgerReader}. */
    static Insights of(Program program, LoyaltyStore store) {
        return new LedgerInsights(Objects.requireNonNull(program, "program"), Objects.requireNonNull(store, "store"));
    }

    // ------------------------------------------------------------------------------------------ churn

    /**
     * Churn warning (流失预警): members whose last visit at or before {@code asOf} is more than {@code days} days
     * before it, and members who never visited and enrolled more than {@code days} days before it. Sorted by
     * the quiet span, longest first.
     */
    List<Lapsed> lapsed(Instant asOf, int days);

    /**
     * Visit-rhythm warning (消费周期预警): members with at least 3 visits by {@code asOf} whose span since the last
     * visit is more than {@code k} times their usual interval, the median of the gaps between consecutive visits
     * (for an even number of gaps, the mean of the two middle ones, truncated to whole seconds). Sorted by
     * {@code overdueRatio}, highest first.
     */
    List<Overdue> overdue(Instant asOf, BigDecimal k);

    // ------------------------------------------------------------------------------------------ birthdays

    /**
     * Birthdays on one of the next {@code days} calendar days in the program's timezone, the day of
     * {@code asOf} counting as day 1; 29 February counts as 28 February in other years (as
     * {@code Loyalty.birthdaysWithin}). Soonest first.
     */
    List<Birthday> birthdays(Instant asOf, int days);

    // ------------------------------------------------------------------------------------------ referrals

    /**
     * Referral ranking (转介绍排行): every member who referred someone enrolled by {@code asOf}, with direct
     * referees, the whole chain below (referees of referees, any depth) and the spend each brought up to
     * {@code asOf}. Sorted by chain spend, then direct referrals, highest first.
     */
    List<ReferralRank> referralRanking(Instant asOf);

    // ------------------------------------------------------------------------------------------ tiers

    /** How many members hold each level at {@code asOf} (grace included), every level listed in program order. */
    Map<String, Long> tierDistribution(Instant asOf);

    /**
     * The tier distribution at the end of each of the last {@code periods} calendar periods up to {@code asOf}
     * (program timezone): the end of a period is the first instant of the next one, the last period ending at
     * {@code asOf}. Oldest first.
     */
    List<TierSnapshot> tierTrend(Instant asOf, Grouping grouping, int periods);

    /**
     * Members below the top level whose tier metric at {@code asOf} is short of the next level's threshold by at
     * most {@code within} (for the spend metric, how much more to spend). The next level is the one above the
     * level held. Sorted by the shortfall, smallest first.
     */
    List<NearNextTier> nearNextTier(Instant asOf, BigDecimal within);

    // ------------------------------------------------------------------------------------------ members

    /**
     * New members enrolled in {@code [from, to)}, counted per calendar period (program timezone; weeks start on
     * Monday), enrolling store and enrolling staff (业务员). Sorted by period, store, staff (nulls first).
     */
    List<Enrolments> newMembers(Instant from, Instant to, Grouping grouping);

    /**
     * Members enrolled by {@code asOf} by gender ({@code "unknown"} when not given), by age band of whole years
     * at {@code asOf}'s date ({@code <20}, {@code 20-29}, {@code 30-39}, {@code 40-49}, {@code 50+},
     * {@code unknown}) and by tag (a member counts once under each of its tags).
     */
    Demographics demographics(Instant asOf);

    // ------------------------------------------------------------------------------------------ money

    /**
     * Liability at {@code asOf} per issuing store: points outstanding (available and pending, not expired, net
     * of draws at or before {@code asOf}; debt is not netted) in the store whose lot holds them, their value at
     * the cash-offset rate (rounded half-even to the currency's minor unit, zero without a cash offset), points
     * of those lots expiring in {@code (asOf, asOf + 30 days]}, stored value principal and bonus outstanding, and
     * package uses left in grants not expired (by the store of the purchase that bought them).
     *
     * <p>Stored value is not linked to the top-up it came from in the ledger, so it is attributed by a
     * proportional rule: a member's principal (bonus) balance is split over stores in proportion to the principal
     * (bonus) the member topped up at each store up to {@code asOf}, each share rounded half-up to the minor unit;
     * a member who never topped up a purse has its balance attributed to the enrolling store. Sorted by store,
     * null first.
     */
    List<StoreLiability> liability(Instant asOf);

    /**
     * Chain settlement (直营/加盟 结算) for {@code [from, to)}: points earned in lots at store A and drawn by
     * redemptions and offsets at store B in the period (a draw names its lot, so this is exact), with their
     * value at the cash-offset rate; and stored value topped up at A and paid out at B. Payments do not name the
     * top-up they draw from, so each stored-value payment is split over issuing stores in proportion to the
     * member's top-ups (principal plus bonus) at each store up to the payment's instant, each share rounded
     * half-up; a member without top-ups then is settled against its enrolling store. Returns credited back to
     * stored value are not netted. Cells are sorted by from-store, then to-store, nulls first; zero cells are
     * left out.
     */
    Settlement settlement(Instant from, Instant to);

    /**
     * Credit warning (信用预警): members whose stored-value principal at {@code asOf} is below zero and has been
     * continuously since more than {@code days} days before {@code asOf}. Longest first.
     */
    List<CreditWarning> creditWarnings(Instant asOf, int days);

    /**
     * Staff figures for {@code [from, to)}: per stylist named on purchase lines, the spend of the lines they
     * served, distinct members served and distinct visits. Lines without staff are left out. Sorted by spend,
     * highest first, then staff id.
     */
    List<StaffFigures> staff(Instant from, Instant to);

    // ------------------------------------------------------------------------------------------ records

    /** A calendar period for grouping. */
    enum Grouping {
        /** Calendar days. */
        DAY,
        /** ISO weeks, Monday first. */
        WEEK,
        /** Calendar months. */
        MONTH
    }

    /**
     * A quiet member.
     *
     * @param member    member id
     * @param lastVisit last visit, or null if never
     * @param since     the last visit, or the enrolment when never visited
     * @param daysQuiet whole days from {@code since} to {@code asOf}
     */
    record Lapsed(String member, Instant lastVisit, Instant since, long daysQuiet) {
    }

    /**
     * A member overdue against its own rhythm.
     *
     * @param member         member id
     * @param visits         visits up to {@code asOf}
     * @param lastVisit      the last one
     * @param usualInterval  the median gap between visits
     * @param sinceLastVisit {@code asOf - lastVisit}
     * @param overdueRatio   {@code sinceLastVisit / usualInterval}, two decimals, half-up
     */
    record Overdue(String member, int visits, Instant lastVisit, Duration usualInterval, Duration sinceLastVisit,
                   BigDecimal overdueRatio) {
    }

    /**
     * A coming birthday.
     *
     * @param member   member id
     * @param birthday date of birth
     * @param on       the date it falls on this time
     * @param inDays   days from {@code asOf}'s date (0 = today)
     */
    record Birthday(String member, LocalDate birthday, LocalDate on, long inDays) {
    }

    /**
     * A referrer's standing.
     *
     * @param member      the referrer
     * @param direct      members it referred
     * @param chain       members below it at any depth (direct included)
     * @param directSpend spend of the direct referees
     * @param chainSpend  spend of the whole chain
     */
    record ReferralRank(String member, long direct, long chain, BigDecimal directSpend, BigDecimal chainSpend) {
    }

    /**
     * Level counts at an instant.
     *
     * @param at     the instant
     * @param counts members per level id, every level in program order
     */
    record TierSnapshot(Instant at, Map<String, Long> counts) {
        /** Copies the counts, keeping their order. */
        public TierSnapshot {
            counts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counts));
        }
    }

    /**
     * A member close to the next level.
     *
     * @param member    member id
     * @param tier      level held
     * @param next      the next level
     * @param metric    the tier metric now
     * @param shortfall threshold of {@code next} minus {@code metric}
     */
    record NearNextTier(String member, String tier, String next, BigDecimal metric, BigDecimal shortfall) {
    }

    /**
     * Enrolments in one period at one store by one staff member.
     *
     * @param period first day of the period
     * @param store  enrolling store, or null
     * @param staff  enrolling staff, or null
     * @param count  members enrolled
     */
    record Enrolments(LocalDate period, String store, String staff, long count) {
    }

    /**
     * Member counts by profile.
     *
     * @param members  members enrolled
     * @param byGender counts per gender, sorted by key
     * @param byAge    counts per age band, in band order, every band listed
     * @param byTag    counts per tag, sorted by key
     */
    record Demographics(long members, Map<String, Long> byGender, Map<String, Long> byAge, Map<String, Long> byTag) {
        /** Copies the maps, keeping their order. */
        public Demographics {
            byGender = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byGender));
            byAge = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byAge));
            byTag = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byTag));
        }
    }

    /**
     * What one store owes its members.
     *
     * @param store          issuing store, or null
     * @param points         points outstanding
     * @param pointsValue    their value at the cash-offset rate
     * @param expiring30Days points expiring in the next 30 days
     * @param principal      stored value principal outstanding
     * @param bonus          stored value bonus outstanding
     * @param packageUses    package uses outstanding
     */
    record StoreLiability(String store, long points, BigDecimal pointsValue, long expiring30Days,
                          BigDecimal principal, BigDecimal bonus, long packageUses) {
    }

    /**
     * The settlement between stores for a period.
     *
     * @param points      points earned at {@code from} drawn at {@code to}
     * @param storedValue stored value topped up at {@code from} paid out at {@code to}
     */
    record Settlement(List<PointsCell> points, List<ValueCell> storedValue) {
        /** Copies the cells. */
        public Settlement {
            points = List.copyOf(points);
            storedValue = List.copyOf(storedValue);
        }
    }

    /**
     * Points issued at one store and redeemed at another.
     *
     * @param from   earning store, or null
     * @param to     redeeming store, or null
     * @param points points drawn
     * @param value  their value at the cash-offset rate
     */
    record PointsCell(String from, String to, long points, BigDecimal value) {
    }

    /**
     * Stored value topped up at one store and spent at another.
     *
     * @param from   issuing store, or null
     * @param to     paying store, or null
     * @param amount amount paid out
     */
    record ValueCell(String from, String to, BigDecimal amount) {
    }

    /**
     * A member on credit.
     *
     * @param member    member id
     * @param principal principal at {@code asOf} (negative)
     * @param since     the instant it went below zero and stayed
     * @param days      whole days from {@code since} to {@code asOf}
     */
    record CreditWarning(String member, BigDecimal principal, Instant since, long days) {
    }

    /**
     * One stylist's figures.
     *
     * @param staff   staff id
     * @param spend   spend of the lines served
     * @param members distinct members served
     * @param visits  distinct purchases served
     */
    record StaffFigures(String staff, BigDecimal spend, long members, long visits) {
    }
}
