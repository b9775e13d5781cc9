package io.loyaltykit.report;

import io.loyaltykit.Money;
import io.loyaltykit.program.Program;
import io.loyaltykit.report.internal.HtmlPage;
import io.loyaltykit.report.internal.ReportCollector;
import io.loyaltykit.report.internal.SummaryTable;
import io.loyaltykit.store.LoyaltyStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * What a replayed store adds up to as of an instant: points issued, redeemed, reversed and expired per
 * period, points outstanding and what they are worth at the cash-offset rate, the tier distribution,
 * the top referrers, stored value held (principal and bonus apart) and the rules that paid the most.
 * Every figure is computed here, exactly (points as {@code long}, money as {@link Money}); the HTML page
 * only draws them.
 *
 * <pre>{@code
 * LoyaltyStore store = LoyaltyStore.inMemory();
 * Loyalty loyalty = Loyalty.builder(program).store(store).build();
 * events.forEach(loyalty::apply);
 * ReplayReport report = ReplayReport.collect(program, store, Instant.parse("2026-06-30T15:59:59Z"));
 * report.write(Path.of("report.html"));          // one self-contained page, no network needed
 * System.out.println(report.summaryTable());
 * }</pre>
 *
 * <p>Definitions. <em>Issued</em>: points of every lot earned (purchases, awards, referrals, claimed
 * walk-ins, positive adjustments). <em>Redeemed</em>: points spent on rewards and cash offsets.
 * <em>Reversed</em>: points taken back by returns, top-up refunds and negative adjustments (including
 * debt run up under {@code allow_negative}). <em>Expired</em>: what was left in a lot at its expiry
 * instant. At any instant, issued − redeemed − reversed − expired equals the members' available plus
 * pending points. Points of walk-in purchases not yet claimed belong to no member and are left out.
 *
 * @param programId    the program id
 * @param programName  the program's display name (the id when it has none)
 * @param currency     the program's currency
 * @param zone         the program's timezone: periods are calendar days, ISO weeks or months in it
 * @param asOf         the instant the report describes; nothing recorded after it counts
 * @param granularity  the length of a period
 * @param totals       headline figures as of {@code asOf}
 * @param periods      one entry per period, oldest first, from the first recorded activity to {@code asOf}
 * @param tiers        members per level as of {@code asOf}, in the program's level order
 * @param topReferrers referrers with the most referral points, best first
 * @param topRules     rules whose lots hold the most points net of reversals, best first
 */
public record ReplayReport(String programId, String programName, Currency currency, ZoneId zone, Instant asOf,
                           Granularity granularity, Totals totals, List<Period> periods, List<TierCount> tiers,
                           List<Referrer> topReferrers, List<RuleTotal> topRules) {

    /** How many referrers and rules a report keeps unless told otherwise. */
    public static final int DEFAULT_TOP = 10;

    /** Checks presence and copies lists. */
    public ReplayReport {
        Objects.requireNonNull(programId, "programId");
        Objects.requireNonNull(programName, "programName");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(totals, "totals");
        periods = List.copyOf(periods);
        tiers = List.copyOf(tiers);
        topReferrers = List.copyOf(topReferrers);
        topRules = List.copyOf(topRules);
    }

    /**
     * Reads the store and adds everything up as of {@code asOf}, with the period length chosen from the
     * span covered (days up to about two months, weeks up to two years, then months) and the top
     * {@value #DEFAULT_TOP} referrers and rules.
     *
     * @param program the program the store's events were applied under
     * @param store   the store to read
     * @param asOf    the instant to describe
     * @return the report
     */
    public static ReplayReport collect(Program program, LoyaltyStore store, Instant asOf) {
        return builder(program, store).asOf(asOf).collect();
    }

    /** A builder, to choose the period length or how many referrers and rules to keep. */
    public static Builder builder(Program program, LoyaltyStore store) {
        return new Builder(program, store);
    }

    /** The page: one self-contained UTF-8 HTML document with inline CSS, data and drawing script. */
    public String toHtml() {
        return HtmlPage.render(this);
    }

    /**
     * Writes {@link #toHtml()} to a file in UTF-8, replacing it if it exists.
     *
     * @param file where to write
     * @throws IOException when the file cannot be written
     */
    public void write(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        Files.writeString(file, toHtml(), StandardCharsets.UTF_8);
    }

    /** A plain-text summary of the headline figures, tiers, referrers and rules, for a terminal. */
    public String summaryTable() {
        return SummaryTable.render(this);
    }

    /** The length of one period of the time series. */
    public enum Granularity {
        /** Calendar days in the program's timezone. */
        DAY,
        /** ISO weeks, Monday to Sunday, in the program's timezone. */
        WEEK,
        /** Calendar months in the program's timezone. */
        MONTH
    }

    /**
     * Headline figures as of the report's instant.
     *
     * @param members        members enrolled at or before it
     * @param issued         points issued, all time
     * @param redeemed       points spent on rewards and offsets, all time
     * @param reversed       points taken back by returns, refunds and negative adjustments, all time
     * @param expired        points expired, all time
     * @param available      spendable points held (members with a negative balance count zero here)
     * @param pending        points earned and not yet spendable
     * @param owed           points owed by members with a negative balance ({@code allow_negative})
     * @param forgiven       reversals the returns policy let go, all time
     * @param offset         the cash-offset rate, or null when the program has none
     * @param availableValue {@code available} at the offset rate, rounded half-even to the currency; null
     *                       without an offset
     * @param pendingValue   {@code pending} at the offset rate; null without an offset
     * @param principal      stored value principal held
     * @param bonus          stored value bonus held
     */
    public record Totals(long members, long issued, long redeemed, long reversed, long expired, long available,
                         long pending, long owed, long forgiven, OffsetRate offset, Money availableValue,
                         Money pendingValue, Money principal, Money bonus) {
        /** Checks presence. */
        public Totals {
            Objects.requireNonNull(principal, "principal");
            Objects.requireNonNull(bonus, "bonus");
        }

        /** Points members hold, net: available plus pending minus owed. */
        public long outstanding() {
            return available + pending - owed;
        }
    }

    /**
     * The cash-offset rate: {@code points} points are worth {@code value}.
     *
     * @param points points per {@code value}
     * @param value  money those points are worth
     */
    public record OffsetRate(long points, Money value) {
        /** Checks the rate. */
        public OffsetRate {
            Objects.requireNonNull(value, "value");
            if (points <= 0) {
                throw new IllegalArgumentException("offset points must be positive, got " + points);
            }
        }
    }

    /**
     * One period of the time series.
     *
     * @param start       first day of the period (program timezone)
     * @param end         first day after it
     * @param issued      points issued in it
     * @param redeemed    points spent in it
     * @param reversed    points taken back in it
     * @param expired     points that expired in it
     * @param outstanding      points held at its close (available + pending − owed), or at the report's
     *                         instant for the last period
     * @param outstandingValue {@code outstanding} at the offset rate, rounded half-even to the currency; null
     *                         without an offset
     * @param principal        stored value principal held at its close
     * @param bonus            stored value bonus held at its close
     */
    public record Period(LocalDate start, LocalDate end, long issued, long redeemed, long reversed, long expired,
                         long outstanding, Money outstandingValue, Money principal, Money bonus) {
        /** Checks presence. */
        public Period {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            Objects.requireNonNull(principal, "principal");
            Objects.requireNonNull(bonus, "bonus");
        }
    }

    /**
     * Members at one level.
     *
     * @param level   level id
     * @param name    level display name
     * @param members members at that level
     */
    public record TierCount(String level, String name, long members) {
    }

    /**
     * A referrer.
     *
     * @param member    member id
     * @param name      profile name, or null
     * @param referrals members they referred directly
     * @param points    referral points they were awarded (any level of the chain), net of reversals
     */
    public record Referrer(String member, String name, long referrals, long points) {
    }

    /**
     * Points one rule paid.
     *
     * @param rule     rule id ({@code tier:ID}, {@code referral} and {@code adjust} included)
     * @param awarded  points of the lots it wrote
     * @param reversed points returns took back out of those lots
     */
    public record RuleTotal(String rule, long awarded, long reversed) {
        /** Points it paid that were not taken back. */
        public long net() {
            return awarded - reversed;
        }
    }

    /** Builds a {@link ReplayReport}; {@link #asOf(Instant)} is required. */
    public static final class Builder {
        private final Program program;
        private final LoyaltyStore store;
        private Instant asOf;
        private Granularity granularity;
        private int top = DEFAULT_TOP;

        private Builder(Program program, LoyaltyStore store) {
            this.program = Objects.requireNonNull(program, "program");
            this.store = Objects.requireNonNull(store, "store");
        }

        /** The instant to describe. */
        public Builder asOf(Instant asOf) {
            this.asOf = Objects.requireNonNull(asOf, "asOf");
            return this;
        }

        /** The period length; default chosen from the span covered. */
        public Builder granularity(Granularity granularity) {
            this.granularity = Objects.requireNonNull(granularity, "granularity");
            return this;
        }

        /** How many referrers and rules to keep, at least 1; default {@value ReplayReport#DEFAULT_TOP}. */
        public Builder top(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("top must be at least 1, got " + n);
            }
            this.top = n;
            return this;
        }

        /** Reads the store and builds the report. */
        public ReplayReport collect() {
            if (asOf == null) {
                throw new IllegalStateException("asOf is required");
            }
            return ReportCollector.collect(program, store, asOf, granularity, top);
        }
    }
}
