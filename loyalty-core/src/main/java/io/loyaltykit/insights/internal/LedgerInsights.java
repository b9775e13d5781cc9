package io.loyaltykit.insights.internal;

import io.loyaltykit.insights.Insights;
import io.loyaltykit.internal.TierClock;
import io.loyaltykit.ledger.Draw;
import io.loyaltykit.ledger.Ledger;
import io.loyaltykit.ledger.LedgerEntry;
import io.loyaltykit.ledger.PackageState;
import io.loyaltykit.ledger.PointsDebit;
import io.loyaltykit.ledger.PointsLot;
import io.loyaltykit.ledger.Purses;
import io.loyaltykit.ledger.QualifyingEntry;
import io.loyaltykit.ledger.ValueEntry;
import io.loyaltykit.program.BirthdayPeriod;
import io.loyaltykit.program.CashOffset;
import io.loyaltykit.program.Program;
import io.loyaltykit.program.TierLevel;
import io.loyaltykit.store.EventRecord;
import io.loyaltykit.store.LedgerReader;
import io.loyaltykit.store.LineRecord;
import io.loyaltykit.store.LoyaltyStore;
import io.loyaltykit.store.Member;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The reference implementation of {@link Insights}: reads every member's ledger through {@link LedgerReader}
 * and derives each answer in Java. Database stores answer the same questions in SQL; this one defines the
 * figures they must match.
 */
public final class LedgerInsights implements Insights {
    /** Age bands in report order. */
    public static final List<String> AGE_BANDS = List.of("<20", "20-29", "30-39", "40-49", "50+", "unknown");
    /** Null keys (no store, no staff) sort first. */
    public static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    private final Program program;
    private final LoyaltyStore store;
    private final ZoneId zone;
    private final TierClock tiers;

    /** Insights over a store holding this program's ledger. */
    public LedgerInsights(Program program, LoyaltyStore store) {
        this.program = program;
        this.store = store;
        this.zone = program.zone();
        this.tiers = new TierClock(program.tiers(), program.zone());
    }

    // -------------------------------------------------------------------------------------- loading

    /** One member's ledger and the events it touches. */
    private static final class Account {
        final Member member;
        final List<LedgerEntry> history;
        final Map<String, EventRecord> events = new HashMap<>();
        final List<EventRecord> visits = new ArrayList<>();
        List<QualifyingEntry> qualifying;

        Account(Member member, List<LedgerEntry> history) {
            this.member = member;
            this.history = history;
        }

        String type(String eventId) {
            EventRecord r = events.get(eventId);
            return r == null ? "" : r.type();
        }
    }

    private <T> T withAccounts(Instant enrolledBy, boolean qualifying, Function<List<Account>, T> fn) {
        return store.read(r -> {
            List<Account> out = new ArrayList<>();
            for (String id : r.memberIds()) {
                Member m = r.member(id).orElse(null);
                if (m == null || (enrolledBy != null && m.enrolledAt().isAfter(enrolledBy))) {
                    continue;
                }
                Account a = new Account(m, r.history(id));
                for (LedgerEntry e : a.history) {
                    a.events.computeIfAbsent(e.eventId(), k -> r.event(k).orElse(null));
                }
                a.events.values().removeIf(Objects::isNull);
                for (EventRecord ev : a.events.values()) {
                    if ("purchase".equals(ev.type()) && id.equals(ev.member())) {
                        a.visits.add(ev);
                    }
                }
                a.visits.sort(Comparator.comparing(EventRecord::at).thenComparing(EventRecord::id));
                if (qualifying) {
                    a.qualifying = r.qualifying(id);
                }
                out.add(a);
            }
            return fn.apply(out);
        });
    }

    private static List<EventRecord> visitsBy(Account a, Instant asOf) {
        List<EventRecord> out = new ArrayList<>();
        for (EventRecord v : a.visits) {
            if (!v.at().isAfter(asOf)) {
                out.add(v);
            }
        }
        return out;
    }

    private static BigDecimal spend(EventRecord purchase) {
        BigDecimal s = BigDecimal.ZERO;
        for (LineRecord l : purchase.lines()) {
            s = s.add(l.net());
        }
        return s;
    }

    private static void requireDays(int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must be zero or more, got " + days);
        }
    }

    private static void requirePeriod(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
    }

    private BigDecimal money(BigDecimal v, RoundingMode mode) {
        return v.setScale(program.moneyScale(), mode);
    }

    private BigDecimal pointsValue(long points) {
        CashOffset co = program.cashOffset();
        if (co == null || co.points() <= 0) {
            return money(BigDecimal.ZERO, RoundingMode.HALF_EVEN);
        }
        return BigDecimal.valueOf(points).multiply(co.value())
                .divide(BigDecimal.valueOf(co.points()), program.moneyScale(), RoundingMode.HALF_EVEN);
    }

    // -------------------------------------------------------------------------------------- churn

    @Override
    public List<Lapsed> lapsed(Instant asOf, int days) {
        Objects.requireNonNull(asOf, "asOf");
        requireDays(days);
        Duration limit = Duration.ofDays(days);
        return withAccounts(asOf, false, accounts -> {
            List<Lapsed> out = new ArrayList<>();
            for (Account a : accounts) {
                List<EventRecord> v = visitsBy(a, asOf);
                Instant last = v.isEmpty() ? null : v.get(v.size() - 1).at();
                Instant since = last == null ? a.member.enrolledAt() : last;
                Duration quiet = Duration.between(since, asOf);
                if (quiet.compareTo(limit) > 0) {
                    out.add(new Lapsed(a.member.id(), last, since, quiet.toDays()));
                }
            }
            out.sort(Comparator.comparing(Lapsed::since).thenComparing(Lapsed::member));
            return List.copyOf(out);
        });
    }

    @Override
    public List<Overdue> overdue(Instant asOf, BigDecimal k) {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(k, "k");
        if (k.signum() <= 0) {
            throw new IllegalArgumentException("k must be positive, got " + k.toPlainString());
        }
        return withAccounts(asOf, false, accounts -> {
            List<Overdue> out = new ArrayList<>();
            for (Account a : accounts) {
                List<EventRecord> v = visitsBy(a, asOf);
                if (v.size() < 3) {
                    continue;
                }
                long[] gaps = new long[v.size() - 1];
                for (int i = 1; i < v.size(); i++) {
                    gaps[i - 1] = Duration.between(v.get(i - 1).at(), v.get(i).at()).getSeconds();
                }
                long median = median(gaps);
                if (median <= 0) {
                    continue;
                }
                Instant last = v.get(v.size() - 1).at();
                long since = Duration.between(last, asOf).getSeconds();
                if (BigDecimal.valueOf(since).compareTo(k.multiply(BigDecimal.valueOf(median))) > 0) {
                    out.add(new Overdue(a.member.id(), v.size(), last, Duration.ofSeconds(median), Duration.ofSeconds(since),
                            BigDecimal.valueOf(since).divide(BigDecimal.valueOf(median), 2, RoundingMode.HALF_UP)));
                }
            }
            out.sort(Comparator.comparing(Overdue::overdueRatio).reversed().thenComparing(Overdue::member));
            return List.copyOf(out);
        });
    }

    /** The median of whole seconds; for an even count the mean of the two middle ones, truncated. */
    static long median(long[] values) {
        long[] s = values.clone();
        java.util.Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    // -------------------------------------------------------------------------------------- birthdays

    @Override
    public List<Birthday> birthdays(Instant asOf, int days) {
        Objects.requireNonNull(asOf, "asOf");
        requireDays(days);
        LocalDate today = asOf.atZone(zone).toLocalDate();
        LocalDate last = today.plusDays(days - 1L);
        return store.read(r -> {
            List<Birthday> out = new ArrayList<>();
            for (String id : r.memberIds()) {
                Member m = r.member(id).orElse(null);
                if (m == null || m.enrolledAt().isAfter(asOf) || m.profile() == null || m.profile().birthday() == null) {
                    continue;
                }
                LocalDate born = m.profile().birthday();
                LocalDate next = BirthdayPeriod.birthdayIn(born, today.getYear());
                if (next.isBefore(today)) {
                    next = BirthdayPeriod.birthdayIn(born, today.getYear() + 1);
                }
                if (!next.isAfter(last)) {
                    out.add(new Birthday(id, born, next, ChronoUnit.DAYS.between(today, next)));
                }
            }
            out.sort(Comparator.comparing(Birthday::on).thenComparing(Birthday::member));
            return List.copyOf(out);
        });
    }

    // -------------------------------------------------------------------------------------- referrals

    @Override
    public List<ReferralRank> referralRanking(Instant asOf) {
        Objects.requireNonNull(asOf, "asOf");
        return withAccounts(asOf, false, accounts -> {
            Map<String, List<String>> children = new TreeMap<>();
            Map<String, BigDecimal> spend = new HashMap<>();
            for (Account a : accounts) {
                BigDecimal s = BigDecimal.ZERO;
                for (EventRecord v : visitsBy(a, asOf)) {
                    s = s.add(spend(v));
                }
                spend.put(a.member.id(), s);
                if (a.member.referrer() != null) {
                    children.computeIfAbsent(a.member.referrer(), x -> new ArrayList<>()).add(a.member.id());
                }
            }
            List<ReferralRank> out = new ArrayList<>();
            for (Map.Entry<String, List<String>> e : children.entrySet()) {
                BigDecimal direct = BigDecimal.ZERO;
                for (String c : e.getValue()) {
                    direct = direct.add(spend.getOrDefault(c, BigDecimal.ZERO));
                }
                long chain = 0;
                BigDecimal chainSpend = BigDecimal.ZERO;
                List<String> todo = new ArrayList<>(e.getValue());
                Set<String> seen = new HashSet<>();
                while (!todo.isEmpty()) {
                    String c = todo.remove(todo.size() - 1);
                    if (!seen.add(c)) {
                        continue;
                    }
                    chain++;
                    chainSpend = chainSpend.add(spend.getOrDefault(c, BigDecimal.ZERO));
                    todo.addAll(children.getOrDefault(c, List.of()));
                }
                out.add(new ReferralRank(e.getKey(), e.getValue().size(), chain, money(direct, RoundingMode.HALF_UP),
                        money(chainSpend, RoundingMode.HALF_UP)));
            }
            out.sort(Comparator.comparing(ReferralRank::chainSpend).reversed()
                    .thenComparing(Comparator.comparingLong(ReferralRank::direct).reversed())
                    .thenComparing(ReferralRank::member));
            return List.copyOf(out);
        });
    }

    // -------------------------------------------------------------------------------------- tiers

    private Map<String, Long> emptyCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (TierLevel l : program.tiers().levels()) {
            counts.put(l.id(), 0L);
        }
        return counts;
    }

    @Override
    public Map<String, Long> tierDistribution(Instant asOf) {
        Objects.requireNonNull(asOf, "asOf");
        return tierTrendAt(List.of(asOf)).get(0).counts();
    }

    private List<TierSnapshot> tierTrendAt(List<Instant> instants) {
        Instant last = instants.get(instants.size() - 1);
        return withAccounts(last, true, accounts -> {
            List<TierSnapshot> out = new ArrayList<>();
            for (Instant t : instants) {
                Map<String, Long> counts = emptyCounts();
                for (Account a : accounts) {
                    if (!a.member.enrolledAt().isAfter(t)) {
                        counts.merge(tiers.levelAt(a.qualifying, t).id(), 1L, Long::sum);
                    }
                }
                out.add(new TierSnapshot(t, counts));
            }
            return List.copyOf(out);
        });
    }

    @Override
    public List<TierSnapshot> tierTrend(Instant asOf, Grouping grouping, int periods) {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(grouping, "grouping");
        if (periods < 1) {
            throw new IllegalArgumentException("periods must be at least 1, got " + periods);
        }
        return tierTrendAt(periodEnds(asOf, grouping, periods, zone));
    }

    /** The ends of the last {@code periods} periods up to {@code asOf}: period starts, then {@code asOf}. */
    public static List<Instant> periodEnds(Instant asOf, Grouping grouping, int periods, ZoneId zone) {
        LocalDate s0 = periodStart(asOf.atZone(zone).toLocalDate(), grouping);
        List<Instant> ends = new ArrayList<>();
        for (int j = 0; j < periods - 1; j++) {
            ends.add(minus(s0, grouping, periods - 2 - j).atStartOfDay(zone).toInstant());
        }
        ends.add(asOf);
        return ends;
    }

    private static LocalDate minus(LocalDate d, Grouping g, long n) {
        return switch (g) {
            case DAY -> d.minusDays(n);
            case WEEK -> d.minusWeeks(n);
            case MONTH -> d.minusMonths(n);
        };
    }

    /** The first day of the period holding {@code d}. */
    public static LocalDate periodStart(LocalDate d, Grouping g) {
        return switch (g) {
            case DAY -> d;
            case WEEK -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> d.withDayOfMonth(1);
        };
    }

    @Override
    public List<NearNextTier> nearNextTier(Instant asOf, BigDecimal within) {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(within, "within");
        if (within.signum() < 0) {
            throw new IllegalArgumentException("within must be zero or more, got " + within.toPlainString());
        }
        List<TierLevel> levels = program.tiers().levels();
        return withAccounts(asOf, true, accounts -> {
            List<NearNextTier> out = new ArrayList<>();
            for (Account a : accounts) {
                TierLevel held = tiers.levelAt(a.qualifying, asOf);
                int idx = levels.indexOf(held);
                if (idx < 0 || idx == levels.size() - 1) {
                    continue;
                }
                TierLevel next = levels.get(idx + 1);
                BigDecimal metric = metricScale(tiers.metric(a.qualifying, asOf));
                BigDecimal shortfall = metricScale(next.threshold().subtract(metric));
                if (shortfall.signum() > 0 && shortfall.compareTo(within) <= 0) {
                    out.add(new NearNextTier(a.member.id(), held.id(), next.id(), metric, shortfall));
                }
            }
            out.sort(Comparator.comparing(NearNextTier::shortfall).thenComparing(NearNextTier::member));
            return List.copyOf(out);
        });
    }

    /** Spend at the currency's scale; points and visits as plain numbers. */
    private BigDecimal metricScale(BigDecimal v) {
        if (program.tiers().metric() == io.loyaltykit.program.TierPolicy.Metric.SPEND) {
            return v.setScale(program.moneyScale(), RoundingMode.HALF_EVEN);
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    // -------------------------------------------------------------------------------------- members

    @Override
    public List<Enrolments> newMembers(Instant from, Instant to, Grouping grouping) {
        requirePeriod(from, to);
        Objects.requireNonNull(grouping, "grouping");
        return store.read(r -> {
            Map<List<Object>, Long> counts = new HashMap<>();
            for (String id : r.memberIds()) {
                Member m = r.member(id).orElse(null);
                if (m == null || m.enrolledAt().isBefore(from) || !m.enrolledAt().isBefore(to)) {
                    continue;
                }
                LocalDate p = periodStart(m.enrolledAt().atZone(zone).toLocalDate(), grouping);
                counts.merge(java.util.Arrays.asList(p, m.store(), m.staff()), 1L, Long::sum);
            }
            List<Enrolments> out = new ArrayList<>();
            counts.forEach((k, n) -> out.add(new Enrolments((LocalDate) k.get(0), (String) k.get(1), (String) k.get(2), n)));
            out.sort(Comparator.comparing(Enrolments::period).thenComparing(Enrolments::store, NULLS_FIRST)
                    .thenComparing(Enrolments::staff, NULLS_FIRST));
            return List.copyOf(out);
        });
    }

    @Override
    public Demographics demographics(Instant asOf) {
        Objects.requireNonNull(asOf, "asOf");
        LocalDate today = asOf.atZone(zone).toLocalDate();
        return store.read(r -> {
            long members = 0;
            Map<String, Long> gender = new TreeMap<>();
            Map<String, Long> age = new LinkedHashMap<>();
            AGE_BANDS.forEach(b -> age.put(b, 0L));
            Map<String, Long> tags = new TreeMap<>();
            for (String id : r.memberIds()) {
                Member m = r.member(id).orElse(null);
                if (m == null || m.enrolledAt().isAfter(asOf)) {
                    continue;
                }
                members++;
                String g = m.profile() == null || m.profile().gender() == null || m.profile().gender().isBlank()
                        ? "unknown" : m.profile().gender();
                gender.merge(g, 1L, Long::sum);
                LocalDate born = m.profile() == null ? null : m.profile().birthday();
                age.merge(ageBand(born, today), 1L, Long::sum);
                if (m.profile() != null) {
                    for (String t : new java.util.TreeSet<>(m.profile().tags())) {
                        tags.merge(t, 1L, Long::sum);
                    }
                }
            }
            return new Demographics(members, gender, age, tags);
        });
    }

    /** The age band of whole years on {@code today}. */
    public static String ageBand(LocalDate born, LocalDate today) {
        if (born == null || born.isAfter(today)) {
            return "unknown";
        }
        int years = Period.between(born, today).getYears();
        if (years < 20) {
            return "<20";
        }
        return years >= 50 ? "50+" : (years / 10 * 10) + "-" + (years / 10 * 10 + 9);
    }

    // -------------------------------------------------------------------------------------- money

    /** Running figures of one store. */
    private static final class Liab {
        long points;
        long expiring;
        BigDecimal principal = BigDecimal.ZERO;
        BigDecimal bonus = BigDecimal.ZERO;
        long uses;
    }

    @Override
    public List<StoreLiability> liability(Instant asOf) {
        Objects.requireNonNull(asOf, "asOf");
        Instant horizon = asOf.plus(Duration.ofDays(30));
        return withAccounts(asOf, false, accounts -> {
            Map<String, Liab> by = new TreeMap<>(NULLS_FIRST);
            for (Account a : accounts) {
                Map<String, PointsLot> lots = new LinkedHashMap<>();
                Map<String, Long> drawn = new HashMap<>();
                Map<String, BigDecimal> topPrincipal = new TreeMap<>(NULLS_FIRST);
                Map<String, BigDecimal> topBonus = new TreeMap<>(NULLS_FIRST);
                for (LedgerEntry e : a.history) {
                    if (e.at().isAfter(asOf)) {
                        continue;
                    }
                    if (e instanceof PointsLot l) {
                        lots.put(l.id(), l);
                    } else if (e instanceof PointsDebit d) {
                        for (Draw w : d.draws()) {
                            drawn.merge(w.lot(), w.points(), Long::sum);
                        }
                    } else if (e instanceof ValueEntry v && "topup".equals(a.type(v.eventId())) && v.amount().signum() > 0) {
                        (v.purse() == ValueEntry.Purse.PRINCIPAL ? topPrincipal : topBonus)
                                .merge(v.store(), v.amount(), BigDecimal::add);
                    }
                }
                for (PointsLot l : lots.values()) {
                    long left = l.points() - drawn.getOrDefault(l.id(), 0L);
                    if (left <= 0 || l.expiredAt(asOf)) {
                        continue;
                    }
                    Liab x = by.computeIfAbsent(l.store(), k -> new Liab());
                    x.points += left;
                    if (l.expiresAt() != null && !l.expiresAt().isAfter(horizon)) {
                        x.expiring += left;
                    }
                }
                Purses p = Ledger.purses(a.history, asOf);
                split(p.principal(), topPrincipal, a.member.store())
                        .forEach((s, v) -> by.computeIfAbsent(s, k -> new Liab()).principal =
                                by.get(s).principal.add(v));
                split(p.bonus(), topBonus, a.member.store())
                        .forEach((s, v) -> by.computeIfAbsent(s, k -> new Liab()).bonus = by.get(s).bonus.add(v));
                for (PackageState s : Ledger.packages(a.history, asOf)) {
                    if (s.remaining() > 0) {
                        EventRecord bought = a.events.get(s.grant().eventId());
                        by.computeIfAbsent(bought == null ? null : bought.store(), k -> new Liab()).uses += s.remaining();
                    }
                }
            }
            List<StoreLiability> out = new ArrayList<>();
            by.forEach((s, x) -> out.add(new StoreLiability(s, x.points, pointsValue(x.points), x.expiring,
                    money(x.principal, RoundingMode.HALF_UP), money(x.bonus, RoundingMode.HALF_UP), x.uses)));
            return List.copyOf(out);
        });
    }

    /**
     * Splits {@code amount} over stores in proportion to {@code weights}, each share rounded half-up; with no
     * weight, all of it to {@code fallback}.
     */
    private Map<String, BigDecimal> split(BigDecimal amount, Map<String, BigDecimal> weights, String fallback) {
        Map<String, BigDecimal> out = new TreeMap<>(NULLS_FIRST);
        if (amount.signum() == 0) {
            return out;
        }
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal w : weights.values()) {
            total = total.add(w);
        }
        if (total.signum() <= 0) {
            out.put(fallback, money(amount, RoundingMode.HALF_UP));
            return out;
        }
        for (Map.Entry<String, BigDecimal> w : weights.entrySet()) {
            out.merge(w.getKey(), amount.multiply(w.getValue()).divide(total, program.moneyScale(), RoundingMode.HALF_UP),
                    BigDecimal::add);
        }
        return out;
    }

    @Override
    public Settlement settlement(Instant from, Instant to) {
        requirePeriod(from, to);
        return withAccounts(null, false, accounts -> {
            Map<List<String>, Long> points = new TreeMap<>(PAIR);
            Map<List<String>, BigDecimal> value = new TreeMap<>(PAIR);
            for (Account a : accounts) {
                Map<String, PointsLot> lots = new HashMap<>();
                Map<String, BigDecimal> paid = new LinkedHashMap<>();
                Map<String, ValueEntry> payment = new HashMap<>();
                for (LedgerEntry e : a.history) {
                    if (e instanceof PointsLot l) {
                        lots.put(l.id(), l);
                    }
                }
                for (LedgerEntry e : a.history) {
                    boolean in = !e.at().isBefore(from) && e.at().isBefore(to);
                    if (in && e instanceof PointsDebit d && d.isSpend()) {
                        for (Draw w : d.draws()) {
                            PointsLot l = lots.get(w.lot());
                            points.merge(java.util.Arrays.asList(l == null ? null : l.store(), d.store()), w.points(),
                                    Long::sum);
                        }
                    } else if (in && e instanceof ValueEntry v && v.amount().signum() < 0
                            && "purchase".equals(a.type(v.eventId()))) {
                        paid.merge(v.eventId(), v.amount().negate(), BigDecimal::add);
                        payment.put(v.eventId(), v);
                    }
                }
                for (Map.Entry<String, BigDecimal> p : paid.entrySet()) {
                    ValueEntry v = payment.get(p.getKey());
                    Map<String, BigDecimal> weights = new TreeMap<>(NULLS_FIRST);
                    for (LedgerEntry e : a.history) {
                        if (e instanceof ValueEntry t && !t.at().isAfter(v.at()) && t.amount().signum() > 0
                                && "topup".equals(a.type(t.eventId()))) {
                            weights.merge(t.store(), t.amount(), BigDecimal::add);
                        }
                    }
                    split(p.getValue(), weights, a.member.store()).forEach((s, amt) ->
                            value.merge(java.util.Arrays.asList(s, v.store()), amt, BigDecimal::add));
                }
            }
            List<PointsCell> pc = new ArrayList<>();
            points.forEach((k, n) -> {
                if (n != 0) {
                    pc.add(new PointsCell(k.get(0), k.get(1), n, pointsValue(n)));
                }
            });
            List<ValueCell> vc = new ArrayList<>();
            value.forEach((k, amt) -> {
                if (amt.signum() != 0) {
                    vc.add(new ValueCell(k.get(0), k.get(1), money(amt, RoundingMode.HALF_UP)));
                }
            });
            return new Settlement(pc, vc);
        });
    }

    private static final Comparator<List<String>> PAIR = Comparator.<List<String>, String>comparing(l -> l.get(0), NULLS_FIRST)
            .thenComparing(l -> l.get(1), NULLS_FIRST);

    @Override
    public List<CreditWarning> creditWarnings(Instant asOf, int days) {
        Objects.requireNonNull(asOf, "asOf");
        requireDays(days);
        Duration limit = Duration.ofDays(days);
        return withAccounts(asOf, false, accounts -> {
            List<CreditWarning> out = new ArrayList<>();
            for (Account a : accounts) {
                List<ValueEntry> principal = new ArrayList<>();
                for (LedgerEntry e : a.history) {
                    if (e instanceof ValueEntry v && v.purse() == ValueEntry.Purse.PRINCIPAL && !v.at().isAfter(asOf)) {
                        principal.add(v);
                    }
                }
                principal.sort(Comparator.comparing(ValueEntry::at));
                BigDecimal running = BigDecimal.ZERO;
                Instant since = null;
                for (ValueEntry v : principal) {
                    BigDecimal before = running;
                    running = running.add(v.amount());
                    if (running.signum() < 0 && before.signum() >= 0) {
                        since = v.at();
                    } else if (running.signum() >= 0) {
                        since = null;
                    }
                }
                if (since != null && Duration.between(since, asOf).compareTo(limit) > 0) {
                    out.add(new CreditWarning(a.member.id(), running, since, Duration.between(since, asOf).toDays()));
                }
            }
            out.sort(Comparator.comparing(CreditWarning::since).thenComparing(CreditWarning::member));
            return List.copyOf(out);
        });
    }

    @Override
    public List<StaffFigures> staff(Instant from, Instant to) {
        requirePeriod(from, to);
        return withAccounts(null, false, accounts -> {
            Map<String, BigDecimal> spend = new TreeMap<>();
            Map<String, Set<String>> members = new HashMap<>();
            Map<String, Set<String>> visits = new HashMap<>();
            for (Account a : accounts) {
                for (EventRecord v : a.visits) {
                    if (v.at().isBefore(from) || !v.at().isBefore(to)) {
                        continue;
                    }
                    for (LineRecord l : v.lines()) {
                        if (l.staff() == null) {
                            continue;
                        }
                        spend.merge(l.staff(), l.net(), BigDecimal::add);
                        members.computeIfAbsent(l.staff(), k -> new HashSet<>()).add(a.member.id());
                        visits.computeIfAbsent(l.staff(), k -> new HashSet<>()).add(v.id());
                    }
                }
            }
            List<StaffFigures> out = new ArrayList<>();
            spend.forEach((s, amt) -> out.add(new StaffFigures(s, money(amt, RoundingMode.HALF_UP),
                    members.get(s).size(), visits.get(s).size())));
            out.sort(Comparator.comparing(StaffFigures::spend).reversed().thenComparing(StaffFigures::staff));
            return List.copyOf(out);
        });
    }
}
