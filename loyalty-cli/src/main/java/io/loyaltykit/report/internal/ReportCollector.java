package io.loyaltykit.report.internal;

import io.loyaltykit.Loyalty;
import io.loyaltykit.Money;
import io.loyaltykit.ledger.Draw;
import io.loyaltykit.ledger.Ledger;
import io.loyaltykit.ledger.LedgerEntry;
import io.loyaltykit.ledger.PointsBalance;
import io.loyaltykit.ledger.PointsDebit;
import io.loyaltykit.ledger.PointsLot;
import io.loyaltykit.ledger.Purses;
import io.loyaltykit.ledger.ValueEntry;
import io.loyaltykit.program.CashOffset;
import io.loyaltykit.program.Program;
import io.loyaltykit.program.ReferralPolicy;
import io.loyaltykit.program.TierLevel;
import io.loyaltykit.report.ReplayReport;
import io.loyaltykit.report.ReplayReport.Granularity;
import io.loyaltykit.store.EventRecord;
import io.loyaltykit.store.LedgerReader;
import io.loyaltykit.store.LoyaltyStore;
import io.loyaltykit.store.Member;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Adds a store's ledger up into a {@link ReplayReport}: one consistent read, then the tiers through the facade. */
public final class ReportCollector {
    private static final Logger LOG = LoggerFactory.getLogger(ReportCollector.class);

    /** Spans up to this many days are reported per day. */
    static final long DAILY_UP_TO_DAYS = 62;
    /** Spans up to this many days are reported per week; longer ones per month. */
    static final long WEEKLY_UP_TO_DAYS = 731;

    private ReportCollector() {
    }

    /** Builds the report; {@code granularity} null picks one from the span covered. */
    public static ReplayReport collect(Program program, LoyaltyStore store, Instant asOf, Granularity granularity,
                                       int top) {
        Ledgers ledgers = store.read(reader -> read(reader, asOf));
        ZoneId zone = program.zone();
        Granularity g = granularity != null ? granularity : choose(ledgers.first, asOf, zone);

        Totals totals = new Totals();
        List<Flow> flows = new ArrayList<>();
        Map<String, long[]> rules = new LinkedHashMap<>();
        for (MemberLedger m : ledgers.members) {
            addUp(m, asOf, totals, flows, rules);
        }
        for (Flow f : flows) {
            switch (f.kind) {
                case ISSUED -> totals.issued += f.points;
                case REDEEMED -> totals.redeemed += f.points;
                case REVERSED -> totals.reversed += f.points;
                case EXPIRED -> totals.expired += f.points;
                default -> {
                    // purses are summed as balances in addUp
                }
            }
        }

        Loyalty loyalty = Loyalty.builder(program).store(store).clock(Clock.fixed(asOf, zone)).build();
        Map<String, Long> perTier = new LinkedHashMap<>();
        for (TierLevel level : program.tiers().levels()) {
            perTier.put(level.id(), 0L);
        }
        for (MemberLedger m : ledgers.members) {
            perTier.merge(loyalty.account(m.member.id(), asOf).tier(), 1L, Long::sum);
        }
        List<ReplayReport.TierCount> tiers = new ArrayList<>();
        for (Map.Entry<String, Long> t : perTier.entrySet()) {
            TierLevel level = program.tiers().level(t.getKey());
            tiers.add(new ReplayReport.TierCount(t.getKey(), level == null ? t.getKey() : level.name(), t.getValue()));
        }

        List<ReplayReport.Period> periods = periods(flows, ledgers.first, asOf, zone, g, program);
        ReplayReport.Totals headline = totals.toReport(program, ledgers.members.size());
        LOG.debug("report of {} as of {}: {} members, {} periods by {}", program.id(), asOf, ledgers.members.size(),
                periods.size(), g);
        String name = program.name() == null || program.name().isBlank() ? program.id() : program.name();
        return new ReplayReport(program.id(), name, program.currency(), zone, asOf, g, headline, periods, tiers,
                referrers(ledgers, top), topRules(rules, top));
    }

    // ------------------------------------------------------------------------------------------ reading

    private record MemberLedger(Member member, List<LedgerEntry> history) {
    }

    private static final class Ledgers {
        final List<MemberLedger> members = new ArrayList<>();
        /** Referral points awarded to a member as a referrer, net of the reversals of those awards. */
        final Map<String, Long> referralPoints = new HashMap<>();
        Instant first;
    }

    /** Everything the report needs from the store, in one read so the figures describe one state. */
    private static Ledgers read(LedgerReader reader, Instant asOf) {
        Ledgers out = new Ledgers();
        Map<String, Optional<String>> eventMember = new HashMap<>();
        for (String id : reader.memberIds()) {
            Optional<Member> member = reader.member(id);
            if (member.isEmpty() || member.get().enrolledAt().isAfter(asOf)) {
                continue;
            }
            List<LedgerEntry> history = reader.history(id);
            out.members.add(new MemberLedger(member.get(), history));
            out.first = min(out.first, member.get().enrolledAt());
            for (LedgerEntry e : history) {
                if (e.at().isAfter(asOf)) {
                    continue;
                }
                out.first = min(out.first, e.at());
                // a referral lot or reversal is the referrer's when the event behind it is another member's
                // (the referee's enrolment or purchase); the referee's own reward sits on their own event
                if (e instanceof PointsLot l && l.source() == PointsLot.Source.REFERRAL
                        && !id.equals(memberOf(reader, eventMember, l.eventId()))) {
                    out.referralPoints.merge(id, l.points(), Long::sum);
                } else if (e instanceof PointsDebit d && d.kind() == PointsDebit.Kind.REVERSAL
                        && ReferralPolicy.RULE_ID.equals(d.rule()) && d.origin() != null
                        && !id.equals(memberOf(reader, eventMember, d.origin()))) {
                    out.referralPoints.merge(id, -(d.drawn() + d.debt()), Long::sum);
                }
            }
        }
        return out;
    }

    private static String memberOf(LedgerReader reader, Map<String, Optional<String>> cache, String eventId) {
        return cache.computeIfAbsent(eventId, id -> reader.event(id).map(EventRecord::member)).orElse(null);
    }

    private static Instant min(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    // ------------------------------------------------------------------------------------------ adding up

    private enum Kind { ISSUED, REDEEMED, REVERSED, EXPIRED, PRINCIPAL, BONUS }

    /** One movement at an instant: points, or money for the two purses. */
    private record Flow(Instant at, Kind kind, long points, BigDecimal money) {
    }

    /** Points drawn from a lot at an instant. */
    private record Taken(Instant at, long points) {
    }

    private static final class Totals {
        long issued;
        long redeemed;
        long reversed;
        long expired;
        long available;
        long pending;
        long owed;
        long forgiven;
        BigDecimal principal = BigDecimal.ZERO;
        BigDecimal bonus = BigDecimal.ZERO;

        ReplayReport.Totals toReport(Program program, long members) {
            CashOffset offset = program.cashOffset();
            ReplayReport.OffsetRate rate = null;
            Money availableValue = null;
            Money pendingValue = null;
            if (offset != null && offset.points() > 0) {
                rate = new ReplayReport.OffsetRate(offset.points(), Money.rounded(offset.value(), program.currency()));
                availableValue = value(available, offset, program);
                pendingValue = value(pending, offset, program);
            }
            return new ReplayReport.Totals(members, issued, redeemed, reversed, expired, available, pending, owed,
                    forgiven, rate, availableValue, pendingValue, Money.of(principal, program.currency()),
                    Money.of(bonus, program.currency()));
        }
    }

    /** {@code points} at the offset rate: exact product, then one half-even rounding to the currency. */
    static Money value(long points, CashOffset offset, Program program) {
        BigDecimal exact = offset.value().multiply(BigDecimal.valueOf(points))
                .divide(BigDecimal.valueOf(offset.points()), MathContext.DECIMAL128);
        return Money.of(exact.setScale(program.moneyScale(), RoundingMode.HALF_EVEN), program.currency());
    }

    private static void addUp(MemberLedger m, Instant asOf, Totals totals, List<Flow> flows, Map<String, long[]> rules) {
        List<LedgerEntry> history = m.history;
        Map<String, PointsLot> lots = new HashMap<>();
        for (LedgerEntry e : history) {
            if (e instanceof PointsLot l) {
                lots.put(l.id(), l);
            }
        }
        // draws per lot with their instants: what a lot still held when it expired
        Map<String, List<Taken>> drawsByLot = new HashMap<>();
        for (LedgerEntry e : history) {
            if (e.at().isAfter(asOf)) {
                continue;
            }
            if (e instanceof PointsLot l) {
                flows.add(new Flow(l.earnedAt(), Kind.ISSUED, l.points(), null));
                rules.computeIfAbsent(l.rule(), k -> new long[2])[0] += l.points();
            } else if (e instanceof PointsDebit d) {
                long taken = d.drawn() + d.debt();
                if (taken != 0) {
                    flows.add(new Flow(d.at(), d.isSpend() ? Kind.REDEEMED : Kind.REVERSED, taken, null));
                }
                for (Draw w : d.draws()) {
                    drawsByLot.computeIfAbsent(w.lot(), k -> new ArrayList<>()).add(new Taken(d.at(), w.points()));
                    PointsLot lot = lots.get(w.lot());
                    if (d.kind() == PointsDebit.Kind.REVERSAL && lot != null) {
                        rules.computeIfAbsent(lot.rule(), k -> new long[2])[1] += w.points();
                    }
                }
            } else if (e instanceof ValueEntry v) {
                flows.add(new Flow(v.at(), v.purse() == ValueEntry.Purse.PRINCIPAL ? Kind.PRINCIPAL : Kind.BONUS, 0,
                        v.amount()));
            }
        }
        for (PointsLot l : lots.values()) {
            if (l.earnedAt().isAfter(asOf) || !l.expiredAt(asOf)) {
                continue;
            }
            long drawn = 0;
            for (Taken w : drawsByLot.getOrDefault(l.id(), List.of())) {
                if (!w.at.isAfter(l.expiresAt())) {
                    drawn += w.points;
                }
            }
            if (l.points() - drawn > 0) {
                flows.add(new Flow(l.expiresAt(), Kind.EXPIRED, l.points() - drawn, null));
            }
        }
        PointsBalance b = Ledger.points(history, asOf);
        Purses p = Ledger.purses(history, asOf);
        totals.available += Math.max(0, b.available());
        totals.owed += Math.max(0, -b.available());
        totals.pending += b.pending();
        totals.forgiven += b.forgiven();
        totals.principal = totals.principal.add(p.principal());
        totals.bonus = totals.bonus.add(p.bonus());
    }

    // ------------------------------------------------------------------------------------------ periods

    static Granularity choose(Instant first, Instant asOf, ZoneId zone) {
        if (first == null) {
            return Granularity.DAY;
        }
        long days = ChronoUnit.DAYS.between(first.atZone(zone).toLocalDate(), asOf.atZone(zone).toLocalDate());
        return days <= DAILY_UP_TO_DAYS ? Granularity.DAY : days <= WEEKLY_UP_TO_DAYS ? Granularity.WEEK : Granularity.MONTH;
    }

    static LocalDate periodStart(LocalDate day, Granularity g) {
        return switch (g) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    static LocalDate next(LocalDate start, Granularity g) {
        return switch (g) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }

    private static List<ReplayReport.Period> periods(List<Flow> flows, Instant first, Instant asOf, ZoneId zone,
                                                     Granularity g, Program program) {
        LocalDate last = periodStart(asOf.atZone(zone).toLocalDate(), g);
        LocalDate start = first == null ? last : periodStart(first.atZone(zone).toLocalDate(), g);
        TreeMap<LocalDate, Bucket> buckets = new TreeMap<>();
        for (LocalDate d = start; !d.isAfter(last); d = next(d, g)) {
            buckets.put(d, new Bucket());
        }
        for (Flow f : flows) {
            Bucket b = buckets.get(periodStart(f.at.atZone(zone).toLocalDate(), g));
            switch (f.kind) {
                case ISSUED -> b.issued += f.points;
                case REDEEMED -> b.redeemed += f.points;
                case REVERSED -> b.reversed += f.points;
                case EXPIRED -> b.expired += f.points;
                case PRINCIPAL -> b.principal = b.principal.add(f.money);
                case BONUS -> b.bonus = b.bonus.add(f.money);
            }
        }
        List<ReplayReport.Period> out = new ArrayList<>();
        CashOffset offset = program.cashOffset() != null && program.cashOffset().points() > 0 ? program.cashOffset() : null;
        long outstanding = 0;
        BigDecimal principal = BigDecimal.ZERO;
        BigDecimal bonus = BigDecimal.ZERO;
        for (Map.Entry<LocalDate, Bucket> e : buckets.entrySet()) {
            Bucket b = e.getValue();
            outstanding += b.issued - b.redeemed - b.reversed - b.expired;
            principal = principal.add(b.principal);
            bonus = bonus.add(b.bonus);
            out.add(new ReplayReport.Period(e.getKey(), next(e.getKey(), g), b.issued, b.redeemed, b.reversed,
                    b.expired, outstanding, offset == null ? null : value(outstanding, offset, program),
                    Money.of(principal, program.currency()), Money.of(bonus, program.currency())));
        }
        return out;
    }

    private static final class Bucket {
        long issued;
        long redeemed;
        long reversed;
        long expired;
        BigDecimal principal = BigDecimal.ZERO;
        BigDecimal bonus = BigDecimal.ZERO;
    }

    // ------------------------------------------------------------------------------------------ rankings

    private static List<ReplayReport.Referrer> referrers(Ledgers ledgers, int top) {
        Map<String, Long> direct = new HashMap<>();
        Map<String, Member> byId = new HashMap<>();
        for (MemberLedger m : ledgers.members) {
            byId.put(m.member.id(), m.member);
            if (m.member.referrer() != null) {
                direct.merge(m.member.referrer(), 1L, Long::sum);
            }
        }
        List<ReplayReport.Referrer> all = new ArrayList<>();
        for (MemberLedger m : ledgers.members) {
            String id = m.member.id();
            long referrals = direct.getOrDefault(id, 0L);
            long points = ledgers.referralPoints.getOrDefault(id, 0L);
            if (referrals > 0 || points != 0) {
                String name = m.member.profile() == null ? null : m.member.profile().name();
                all.add(new ReplayReport.Referrer(id, name, referrals, points));
            }
        }
        all.sort(Comparator.comparingLong(ReplayReport.Referrer::points).reversed()
                .thenComparing(Comparator.comparingLong(ReplayReport.Referrer::referrals).reversed())
                .thenComparing(ReplayReport.Referrer::member));
        return all.subList(0, Math.min(top, all.size()));
    }

    private static List<ReplayReport.RuleTotal> topRules(Map<String, long[]> rules, int top) {
        List<ReplayReport.RuleTotal> all = new ArrayList<>();
        for (Map.Entry<String, long[]> r : rules.entrySet()) {
            if (r.getValue()[0] != 0 || r.getValue()[1] != 0) {
                all.add(new ReplayReport.RuleTotal(r.getKey(), r.getValue()[0], r.getValue()[1]));
            }
        }
        all.sort(Comparator.comparingLong(ReplayReport.RuleTotal::net).reversed()
                .thenComparing(Comparator.comparingLong(ReplayReport.RuleTotal::awarded).reversed())
                .thenComparing(ReplayReport.RuleTotal::rule));
        return all.subList(0, Math.min(top, all.size()));
    }
}
