package io.loyaltykit.internal;

import io.loyaltykit.ErrorCode;
import io.loyaltykit.LoyaltyException;
import io.loyaltykit.event.Adjust;
import io.loyaltykit.event.CheckIn;
import io.loyaltykit.event.CustomEvent;
import io.loyaltykit.event.Enroll;
import io.loyaltykit.event.Event;
import io.loyaltykit.event.Purchase;
import io.loyaltykit.event.Redeem;
import io.loyaltykit.event.Return;
import io.loyaltykit.event.TopUp;
import io.loyaltykit.event.TopUpRefund;
import io.loyaltykit.event.UpdateProfile;
import io.loyaltykit.ledger.Draw;
import io.loyaltykit.ledger.LedgerEntry;
import io.loyaltykit.ledger.Mark;
import io.loyaltykit.ledger.PointsDebit;
import io.loyaltykit.ledger.PointsLot;
import io.loyaltykit.ledger.QualifyingEntry;
import io.loyaltykit.program.Award;
import io.loyaltykit.program.EarnRule;
import io.loyaltykit.program.MemberView;
import io.loyaltykit.program.Program;
import io.loyaltykit.program.ReferralPolicy;
import io.loyaltykit.program.Reward;
import io.loyaltykit.program.RuleFilter;
import io.loyaltykit.program.TierLevel;
import io.loyaltykit.program.Trigger;
import io.loyaltykit.program.TxView;
import io.loyaltykit.store.Decision;
import io.loyaltykit.store.EventRecord;
import io.loyaltykit.store.LedgerReader;
import io.loyaltykit.store.Member;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The pure engine: (program, ledger state read through a {@link LedgerReader}, event) to a
 * {@link Decision}. It reads, never writes; errors are {@link LoyaltyException}s with the spec's codes,
 * checked in the spec's precedence order.
 */
public final class Engine {
    static final MathContext MC = MathContext.DECIMAL128;

    private final Program program;
    private final Supplier<String> vouchers;
    private final TierClock tierClock;
    private final PurchaseEvaluator purchases;
    private final ReturnEvaluator returns;

    /** An engine for a program; {@code vouchers} makes reward voucher codes. */
    public Engine(Program program, Supplier<String> vouchers) {
        this.program = Objects.requireNonNull(program, "program");
        this.vouchers = Objects.requireNonNull(vouchers, "vouchers");
        this.tierClock = new TierClock(program.tiers(), program.zone());
        this.purchases = new PurchaseEvaluator(this);
        this.returns = new ReturnEvaluator(this);
    }

    Program program() {
        return program;
    }

    TierClock tierClock() {
        return tierClock;
    }

    /** The program. */
    public Program programView() {
        return program;
    }

    /**
     * The locks an event needs: its member, the members up its referral chain (they may be paid), a
     * reward's stock, and claimed walk-ins.
     */
    public Set<String> lockKeys(LedgerReader reader, Event event) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add("event:" + event.id());
        if (event.member() != null) {
            keys.add("member:" + event.member());
            Optional<Member> m = reader.member(event.member());
            String ref = event instanceof Enroll e ? e.referrer() : m.map(Member::referrer).orElse(null);
            int depth = program.referral() == null ? 0 : program.referral().levels().size();
            Set<String> seen = new LinkedHashSet<>();
            while (ref != null && depth-- > 0 && seen.add(ref)) {
                keys.add("member:" + ref);
                ref = reader.member(ref).map(Member::referrer).orElse(null);
            }
        }
        if (event instanceof Redeem r && r.reward() != null) {
            keys.add("reward:" + r.reward());
        }
        if (event instanceof Enroll e) {
            for (String c : e.claims()) {
                keys.add("walk-in:" + c);
            }
        }
        if (event instanceof Return r && r.original() != null) {
            // a return of a referee's purchase reverses awards paid up the chain
            reader.event(r.original()).ifPresent(orig -> {
                for (LedgerEntry le : reader.entriesOfEvent(orig.id())) {
                    if (le.member() != null) {
                        keys.add("member:" + le.member());
                    }
                }
            });
        }
        return keys;
    }

    /** Evaluates an event against the state; throws {@link LoyaltyException} to reject it. */
    public Decision evaluate(LedgerReader reader, Event event) {
        requireBasics(event);
        Book book = new Book(program, reader, event.id(), event.at());
        if (event instanceof Enroll e) {
            return enroll(reader, book, e);
        } else if (event instanceof UpdateProfile e) {
            return updateProfile(reader, e);
        } else if (event instanceof Purchase e) {
            return purchases.evaluate(reader, book, e, false).decision();
        } else if (event instanceof Return e) {
            return returns.evaluate(reader, book, e);
        } else if (event instanceof TopUp e) {
            return topUp(reader, book, e);
        } else if (event instanceof TopUpRefund e) {
            return topUpRefund(reader, book, e);
        } else if (event instanceof Redeem e) {
            return redeem(reader, book, e);
        } else if (event instanceof CheckIn e) {
            return checkIn(reader, book, e);
        } else if (event instanceof CustomEvent e) {
            return custom(reader, book, e);
        } else if (event instanceof Adjust e) {
            return adjust(reader, book, e);
        }
        throw invalid("unknown event type " + event.getClass().getName());
    }

    /** What a purchase would do, without requiring it to be valid in every respect. */
    public PurchaseEvaluator.Outcome quote(LedgerReader reader, Purchase purchase) {
        requireBasics(purchase);
        Book book = new Book(program, reader, purchase.id(), purchase.at());
        return purchases.evaluate(reader, book, purchase, true);
    }

    // ---------------------------------------------------------------------------------------- helpers

    /** The account holding a walk-in purchase's points until a member claims them. */
    public static String walkInAccount(String purchaseId) {
        return WALK_IN_PREFIX + purchaseId;
    }

    /** Prefix of walk-in holding accounts; member ids may not start with it. */
    public static final String WALK_IN_PREFIX = "walk-in:";

    static LoyaltyException invalid(String message) {
        return new LoyaltyException(ErrorCode.INVALID_EVENT, message);
    }

    static LoyaltyException error(ErrorCode code, String message) {
        return new LoyaltyException(code, message);
    }

    private void requireBasics(Event e) {
        if (e.id() == null || e.id().isBlank()) {
            throw invalid("event id is required");
        }
        if (e.at() == null) {
            throw invalid("event " + e.id() + ": 'at' is required");
        }
        boolean walkIn = e instanceof Purchase || e instanceof Return;
        if (!walkIn && (e.member() == null || e.member().isBlank())) {
            throw invalid("event " + e.id() + ": 'member' is required");
        }
    }

    void requireCurrency(String currency) {
        if (currency != null && !currency.equals(program.currency().getCurrencyCode())) {
            throw error(ErrorCode.CURRENCY_MISMATCH, "amounts are in " + currency + "; the program's currency is "
                    + program.currency().getCurrencyCode());
        }
    }

    void requireAmount(String what, BigDecimal amount, boolean allowZero) {
        if (amount == null) {
            throw invalid(what + " is required");
        }
        if (amount.signum() < 0 || (!allowZero && amount.signum() == 0)) {
            throw invalid(what + " must be " + (allowZero ? "zero or more" : "positive") + ", got " + amount.toPlainString());
        }
        if (amount.stripTrailingZeros().scale() > program.moneyScale()) {
            throw invalid(what + " " + amount.toPlainString() + " has more decimals than "
                    + program.currency().getCurrencyCode() + " allows");
        }
    }

    Member requireMember(LedgerReader reader, String member) {
        return reader.member(member).orElseThrow(() -> error(ErrorCode.UNKNOWN_MEMBER, "member " + member + " is not enrolled"));
    }

    /**
     * Whole points from an exact figure. Quotients such as 200 x 1/1.5 are carried at 34 digits; the figure
     * is first settled at 12 decimals so that thirds adding up to a whole count as that whole.
     */
    long round(BigDecimal exact) {
        return exact.setScale(12, RoundingMode.HALF_EVEN).setScale(0, program.points().rounding().mode()).longValueExact();
    }

    /**
     * An exact figure kept in the ledger (shares, tier metric contributions, quantities): at most 10
     * decimals, no trailing zeros, so that every store gives back an equal value.
     */
    static BigDecimal exact(BigDecimal value) {
        BigDecimal v = value.setScale(10, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    BigDecimal money(BigDecimal exact) {
        return exact.setScale(program.moneyScale(), RoundingMode.HALF_EVEN);
    }

    Instant maturesAt(Instant at) {
        return program.points().pending().addTo(at, program.zone());
    }

    Instant expiresAt(Instant earnedAt) {
        return program.points().expiry().expiresAt(earnedAt, program.zone());
    }

    TierLevel tierAt(LedgerReader reader, String member, Instant at) {
        if (member == null) {
            return program.tiers().base();
        }
        return tierClock.levelAt(reader.qualifying(member), at);
    }

    MemberView memberView(Member m, TierLevel tier, long available) {
        if (m == null) {
            return new MemberView(null, tier.id(), List.of(), null, null, null, null, null, 0);
        }
        return new MemberView(m.id(), tier.id(), m.profile().tags(), m.profile().gender(), m.profile().birthday(),
                m.store(), m.enrolledAt(), m.referrer(), available);
    }

    TxView txView(Event e, String store, String staff, BigDecimal total, List<io.loyaltykit.program.LineView> lines,
                  Map<String, Object> attributes) {
        ZonedDateTime z = e.at().atZone(program.zone());
        return new TxView(e.id(), e.type(), store, staff, total, e.at(), z.getDayOfWeek(), z.getHour(), lines, attributes);
    }

    /** The rule's event-level filters: tiers, stores, window, days, hours, birthday. */
    boolean matchesEvent(RuleFilter f, Member member, String tier, Instant at, String store) {
        if (!f.tiers().isEmpty() && !f.tiers().contains(tier)) {
            return false;
        }
        if (!f.stores().isEmpty() && (store == null || !f.stores().contains(store))) {
            return false;
        }
        if (f.from() != null && at.isBefore(f.from().toInstant(program.zone()))) {
            return false;
        }
        if (f.to() != null && !at.isBefore(f.to().toInstant(program.zone()))) {
            return false;
        }
        ZonedDateTime z = at.atZone(program.zone());
        if (!f.daysOfWeek().isEmpty() && !f.daysOfWeek().contains(z.getDayOfWeek())) {
            return false;
        }
        if (f.hoursFrom() != null) {
            LocalTime t = z.toLocalTime();
            boolean inside = f.hoursFrom().isBefore(f.hoursTo())
                    ? !t.isBefore(f.hoursFrom()) && t.isBefore(f.hoursTo())
                    : !t.isBefore(f.hoursFrom()) || t.isBefore(f.hoursTo());
            if (!inside) {
                return false;
            }
        }
        if (f.birthday() != null) {
            LocalDate bd = member == null ? null : member.profile().birthday();
            if (!f.birthday().contains(bd, z.toLocalDate())) {
                return false;
            }
        }
        return true;
    }

    /** Room left under a rule's cap for a member at an instant, counting this evaluation's awards. */
    long capRoom(LedgerReader reader, Book book, EarnRule rule, String member, Instant at) {
        if (rule.cap() == null || member == null) {
            return Long.MAX_VALUE;
        }
        return capRoom(reader, book, rule.id(), rule.cap(), member, at);
    }

    long capRoom(LedgerReader reader, Book book, String ruleId, io.loyaltykit.program.Cap cap, String member, Instant at) {
        if (cap == null || member == null) {
            return Long.MAX_VALUE;
        }
        Instant from = cap.per().start(at, program.zone());
        Instant to = cap.per().end(at, program.zone());
        long used = reader.awarded(member, ruleId, from, to);
        for (LedgerEntry e : book.entries()) {
            if (e instanceof PointsLot l && member.equals(l.member()) && ruleId.equals(l.rule())) {
                used += l.points();
            }
        }
        return Math.max(0, cap.points() - used);
    }

    static String capNote(io.loyaltykit.program.Cap cap) {
        return "; capped at " + cap.points() + " per " + cap.per().name().toLowerCase(java.util.Locale.ROOT);
    }

    EventRecord record(Event e, String member, long points, String tierBefore, String tierAfter, String store,
                       String original, List<io.loyaltykit.store.LineRecord> lines) {
        boolean changed = tierAfter != null && !tierAfter.equals(tierBefore);
        return new EventRecord(e.id(), e.type(), member, e.at(), Fingerprint.of(e), points,
                changed ? tierBefore : null, changed ? tierAfter : null, store, original, lines);
    }

    Decision decision(Event e, Book book, String store, String original, Member upsert) {
        long points = book.pointsDelta(e.member());
        return new Decision(record(e, e.member(), points, null, null, store, original, List.of()), book.entries(), upsert);
    }

    // ---------------------------------------------------------------------------------------- fixed awards

    /**
     * Pays the fixed and per-amount rules listening to a non-purchase event; returns the points awarded.
     */
    void fixedAwards(LedgerReader reader, Book book, Event e, Trigger on, String eventName, Member member,
                     String store, String staff, BigDecimal amount, Map<String, Object> attributes) {
        TierLevel tier = tierAt(reader, member.id(), e.at());
        MemberView mv = null;
        for (EarnRule r : program.earn()) {
            if (r.on() != on || (on == Trigger.EVENT && !r.eventName().equals(eventName))) {
                continue;
            }
            if (r.award() instanceof Award.Streak) {
                continue;
            }
            if (!matchesEvent(r.filter(), member, tier.id(), e.at(), store)) {
                continue;
            }
            if (r.filter().when() != null) {
                if (mv == null) {
                    mv = memberView(member, tier, book.available(member.id()));
                }
                TxView tx = txView(e, store, staff, amount == null ? BigDecimal.ZERO : amount, List.of(), attributes);
                if (!r.filter().when().test(mv, tx, null)) {
                    continue;
                }
            }
            long points;
            String reason;
            if (r.award() instanceof Award.Fixed f) {
                points = f.points();
                reason = points + " points on " + r.onText();
            } else if (r.award() instanceof Award.Rate rate && amount != null) {
                BigDecimal exact = rate.points().multiply(amount).divide(rate.per(), MC);
                points = round(exact);
                reason = rate.points().stripTrailingZeros().toPlainString() + " pt per " + rate.per().toPlainString()
                        + " on " + amount.toPlainString();
            } else {
                continue;
            }
            award(reader, book, r, member.id(), points, reason, e.at(), store, PointsLot.Source.AWARD, e.at(), e.id());
        }
    }

    /** Writes an award lot after the rule's cap; a capped award is still written, with 0 if need be. */
    PointsLot award(LedgerReader reader, Book book, EarnRule r, String member, long points, String reason, Instant at,
                    String store, PointsLot.Source source, Instant maturesAt, String origin) {
        long room = capRoom(reader, book, r, member, at);
        if (points > room) {
            points = room;
            reason = reason + capNote(r.cap());
        }
        return book.credit(member, r.id(), reason, source, points, at, maturesAt, expiresAt(at), origin, store);
    }

    // ---------------------------------------------------------------------------------------- enrol

    private Decision enroll(LedgerReader reader, Book book, Enroll e) {
        if (e.member().startsWith(WALK_IN_PREFIX)) {
            throw invalid("member ids may not start with '" + WALK_IN_PREFIX + "'");
        }
        if (reader.member(e.member()).isPresent()) {
            throw error(ErrorCode.DUPLICATE_MEMBER, "member " + e.member() + " is already enrolled");
        }
        if (e.referrer() != null) {
            if (e.referrer().equals(e.member())) {
                throw error(ErrorCode.REFERRAL_INVALID, "member " + e.member() + " cannot refer themselves");
            }
            if (reader.member(e.referrer()).isEmpty()) {
                throw error(ErrorCode.REFERRAL_INVALID, "referrer " + e.referrer() + " is not a member");
            }
            // the chain above an existing referrer never contains a member not yet enrolled, but guard anyway
            Set<String> seen = new LinkedHashSet<>();
            String r = e.referrer();
            while (r != null) {
                if (!seen.add(r) || r.equals(e.member())) {
                    throw error(ErrorCode.REFERRAL_INVALID, "referral chain of " + e.referrer() + " has a cycle");
                }
                r = reader.member(r).map(Member::referrer).orElse(null);
            }
        }
        List<EventRecord> claimed = new ArrayList<>();
        Set<String> claimIds = new LinkedHashSet<>();
        for (String c : e.claims()) {
            if (!claimIds.add(c)) {
                throw error(ErrorCode.CLAIM_INVALID, "walk-in purchase " + c + " is claimed twice in one enrolment");
            }
            if (program.walkInClaimWithin() == null) {
                throw error(ErrorCode.CLAIM_INVALID, "the program does not hold points for walk-ins");
            }
            EventRecord p = reader.event(c).filter(x -> x.type().equals("purchase") && x.member() == null)
                    .orElseThrow(() -> error(ErrorCode.CLAIM_INVALID, "no walk-in purchase " + c));
            if (reader.markSum("walk-in-claim:" + c) > 0) {
                throw error(ErrorCode.CLAIM_INVALID, "walk-in purchase " + c + " was already claimed");
            }
            Instant deadline = program.walkInClaimWithin().addTo(p.at(), program.zone());
            if (e.at().isAfter(deadline) || e.at().isBefore(p.at())) {
                throw error(ErrorCode.CLAIM_INVALID, "walk-in purchase " + c + " could be claimed until " + deadline);
            }
            claimed.add(p);
        }
        Member member = new Member(e.member(), e.profile(), e.referrer(), e.at(), e.store(), e.staff());
        // the new member's account is empty: the book starts from nothing
        fixedAwardsForNewMember(reader, book, e, member);
        if (program.referral() != null && program.referral().trigger() == ReferralPolicy.TriggerKind.ENROLL
                && e.referrer() != null) {
            referralAwards(reader, book, member, e.at(), e.at(), e.store(), null, 0, "enrolment of " + e.member());
        }
        for (EventRecord p : claimed) {
            claim(reader, book, member, p, e);
        }
        return decision(e, book, e.store(), null, member);
    }

    private void fixedAwardsForNewMember(LedgerReader reader, Book book, Enroll e, Member member) {
        TierLevel tier = program.tiers().base();
        for (EarnRule r : program.earn()) {
            if (r.on() != Trigger.ENROLL || !(r.award() instanceof Award.Fixed f)) {
                continue;
            }
            if (!matchesEvent(r.filter(), member, tier.id(), e.at(), e.store())) {
                continue;
            }
            if (r.filter().when() != null && !r.filter().when().test(memberView(member, tier, 0),
                    txView(e, e.store(), e.staff(), BigDecimal.ZERO, List.of(), Map.of()), null)) {
                continue;
            }
            award(reader, book, r, member.id(), f.points(), f.points() + " points on enrolment", e.at(), e.store(),
                    PointsLot.Source.AWARD, e.at(), null);
        }
    }

    private void claim(LedgerReader reader, Book book, Member member, EventRecord purchase, Enroll e) {
        String holder = walkInAccount(purchase.id());
        for (io.loyaltykit.ledger.LotState s : reader.openLots(holder)) {
            PointsLot h = s.lot();
            book.credit(member.id(), h.rule(), h.reason() + " (walk-in " + purchase.id() + " claimed)",
                    PointsLot.Source.WALK_IN, s.remaining(), e.at(), h.maturesAt(), h.expiresAt(), purchase.id(), h.store());
            book.add(new PointsDebit(book.nextId(), holder, e.id(), h.rule(), "claimed by " + member.id(),
                    PointsDebit.Kind.CLAIM, e.at(), List.of(new Draw(h.id(), s.remaining())), 0, 0, purchase.id(),
                    h.store(), null));
        }
        book.mark("walk-in-claim:" + purchase.id(), member.id(), 1);
    }

    /**
     * Pays the referral chain and the referee. {@code purchasePoints} is what the triggering purchase earned
     * the referee (for {@code share} levels).
     */
    void referralAwards(LedgerReader reader, Book book, Member referee, Instant at, Instant maturesAt, String store,
                        String origin, long purchasePoints, String what) {
        ReferralPolicy rp = program.referral();
        String rule = ReferralPolicy.RULE_ID;
        if (rp.refereePoints() > 0) {
            long room = capRoom(reader, book, rule, rp.cap(), referee.id(), at);
            long pts = Math.min(rp.refereePoints(), room);
            String reason = "referee reward for " + what + (pts < rp.refereePoints() ? capNote(rp.cap()) : "");
            book.credit(referee.id(), rule, reason, PointsLot.Source.REFERRAL, pts, at, maturesAt, expiresAt(at), origin, store);
        }
        String ref = referee.referrer();
        Set<String> seen = new LinkedHashSet<>();
        seen.add(referee.id());
        for (int level = 0; level < rp.levels().size() && ref != null && seen.add(ref); level++) {
            ReferralPolicy.Level l = rp.levels().get(level);
            long pts = l.points() != null ? l.points() : round(l.share().multiply(BigDecimal.valueOf(purchasePoints)));
            long room = capRoom(reader, book, rule, rp.cap(), ref, at);
            String reason = "level " + (level + 1) + " referral reward for " + what + " by " + referee.id();
            if (pts > room) {
                pts = room;
                reason += capNote(rp.cap());
            }
            book.credit(ref, rule, reason, PointsLot.Source.REFERRAL, pts, at, maturesAt, expiresAt(at), origin, store);
            ref = reader.member(ref).map(Member::referrer).orElse(null);
        }
    }

    // ---------------------------------------------------------------------------------------- profile

    private Decision updateProfile(LedgerReader reader, UpdateProfile e) {
        Member m = requireMember(reader, e.member());
        Member updated = new Member(m.id(), m.profile().merge(e.profile(), e.tagsGiven()), m.referrer(),
                m.enrolledAt(), m.store(), m.staff());
        return new Decision(record(e, e.member(), 0, null, null, null, null, List.of()), List.of(), updated);
    }

    // ---------------------------------------------------------------------------------------- stored value

    private Decision topUp(LedgerReader reader, Book book, TopUp e) {
        requireAmount("topup amount", e.amount(), false);
        requireCurrency(e.currency());
        Member m = requireMember(reader, e.member());
        BigDecimal bonus = program.storedValue() == null ? BigDecimal.ZERO : program.storedValue().bonusFor(e.amount());
        book.add(new io.loyaltykit.ledger.ValueEntry(book.nextId(), m.id(), e.id(), "top-up " + e.amount().toPlainString(),
                io.loyaltykit.ledger.ValueEntry.Purse.PRINCIPAL, money(e.amount()), e.at(), null, e.store()));
        if (bonus.signum() > 0) {
            book.add(new io.loyaltykit.ledger.ValueEntry(book.nextId(), m.id(), e.id(),
                    "top-up bonus for " + e.amount().toPlainString(), io.loyaltykit.ledger.ValueEntry.Purse.BONUS,
                    money(bonus), e.at(), null, e.store()));
        }
        fixedAwards(reader, book, e, Trigger.TOPUP, null, m, e.store(), e.staff(), e.amount(), Map.of());
        return decision(e, book, e.store(), null, null);
    }

    private Decision topUpRefund(LedgerReader reader, Book book, TopUpRefund e) {
        if (e.original() == null) {
            throw invalid("topup_refund " + e.id() + ": 'original' is required");
        }
        Member m = requireMember(reader, e.member());
        EventRecord t = reader.event(e.original()).filter(x -> x.type().equals("topup") && m.id().equals(x.member()))
                .orElseThrow(() -> error(ErrorCode.UNKNOWN_ORIGINAL, "no top-up " + e.original() + " for member " + m.id()));
        if (reader.markSum("topup-refund:" + t.id()) > 0) {
            throw error(ErrorCode.RETURN_EXCEEDS_ORIGINAL, "top-up " + t.id() + " was already refunded");
        }
        BigDecimal principalIn = BigDecimal.ZERO;
        BigDecimal bonusIn = BigDecimal.ZERO;
        for (LedgerEntry le : reader.entriesOfEvent(t.id())) {
            if (le instanceof io.loyaltykit.ledger.ValueEntry v) {
                if (v.purse() == io.loyaltykit.ledger.ValueEntry.Purse.PRINCIPAL) {
                    principalIn = principalIn.add(v.amount());
                } else {
                    bonusIn = bonusIn.add(v.amount());
                }
            }
        }
        io.loyaltykit.ledger.Purses purses = reader.purses(m.id());
        BigDecimal refund = principalIn.min(purses.principal().max(BigDecimal.ZERO));
        BigDecimal voided = principalIn.signum() == 0 ? BigDecimal.ZERO
                : money(bonusIn.multiply(refund).divide(principalIn, MC)).min(purses.bonus().max(BigDecimal.ZERO));
        book.add(new io.loyaltykit.ledger.ValueEntry(book.nextId(), m.id(), e.id(),
                "refund of top-up " + t.id() + ": " + refund.toPlainString() + " principal paid back",
                io.loyaltykit.ledger.ValueEntry.Purse.PRINCIPAL, refund.negate(), e.at(), t.id(), null));
        if (voided.signum() > 0) {
            book.add(new io.loyaltykit.ledger.ValueEntry(book.nextId(), m.id(), e.id(),
                    "bonus of top-up " + t.id() + " voided in proportion", io.loyaltykit.ledger.ValueEntry.Purse.BONUS,
                    voided.negate(), e.at(), t.id(), null));
        }
        // points the top-up earned follow the principal refunded
        long earned = 0;
        for (LedgerEntry le : reader.entriesOfEvent(t.id())) {
            if (le instanceof PointsLot l && m.id().equals(l.member())) {
                earned += l.points();
            }
        }
        if (earned > 0 && principalIn.signum() > 0) {
            long reverse = refund.compareTo(principalIn) == 0 ? earned
                    : round(BigDecimal.valueOf(earned).multiply(refund).divide(principalIn, MC));
            returns.reverseTopUp(book, m.id(), reverse, t.id(), "refund of top-up " + t.id(), e.at());
        }
        book.mark("topup-refund:" + t.id(), m.id(), 1);
        return decision(e, book, null, t.id(), null);
    }

    // ---------------------------------------------------------------------------------------- rewards

    private Decision redeem(LedgerReader reader, Book book, Redeem e) {
        if (e.reward() == null) {
            throw invalid("redeem " + e.id() + ": 'reward' is required");
        }
        Member m = requireMember(reader, e.member());
        Reward reward = program.reward(e.reward());
        if (reward == null) {
            throw error(ErrorCode.REWARD_UNAVAILABLE, "no reward " + e.reward() + " in the catalog");
        }
        if (reward.stock() != null && reader.markSum("stock:" + reward.id()) >= reward.stock()) {
            throw error(ErrorCode.REWARD_UNAVAILABLE, "reward " + reward.id() + " is out of stock");
        }
        TierLevel tier = tierAt(reader, m.id(), e.at());
        if (!reward.tiers().isEmpty() && !reward.tiers().contains(tier.id())) {
            throw error(ErrorCode.REWARD_UNAVAILABLE, "reward " + reward.id() + " is offered to " + reward.tiers()
                    + ", not to level " + tier.id());
        }
        if (reward.limit() != null) {
            Instant from = reward.limit().per().start(e.at(), program.zone());
            Instant to = reward.limit().per().end(e.at(), program.zone());
            long used = reader.markSum("limit:" + m.id() + ":" + reward.id(), from, to);
            if (used >= reward.limit().count()) {
                throw error(ErrorCode.LIMIT_REACHED, "reward " + reward.id() + " is limited to " + reward.limit().count()
                        + " per " + reward.limit().per().name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        long available = book.available(m.id());
        if (available < reward.points()) {
            throw error(ErrorCode.INSUFFICIENT_POINTS, "reward " + reward.id() + " costs " + reward.points()
                    + " points; " + m.id() + " has " + available + " available");
        }
        List<Draw> draws = book.drawAvailable(m.id(), reward.points());
        String voucher = vouchers.get();
        book.debit(m.id(), reward.id(), "redeemed " + reward.name() + " (" + reward.kind().name().toLowerCase(java.util.Locale.ROOT)
                + "), voucher " + voucher, PointsDebit.Kind.REDEEM, draws, 0, 0, null, e.store(), voucher);
        book.mark("stock:" + reward.id(), m.id(), 1);
        book.mark("limit:" + m.id() + ":" + reward.id(), m.id(), 1);
        return decision(e, book, e.store(), null, null);
    }

    // ---------------------------------------------------------------------------------------- check-in, events, adjust

    private Decision checkIn(LedgerReader reader, Book book, CheckIn e) {
        Member m = requireMember(reader, e.member());
        LocalDate today = e.at().atZone(program.zone()).toLocalDate();
        Optional<Mark> last = reader.lastMark("checkin:" + m.id());
        int day = 1;
        if (last.isPresent()) {
            LocalDate lastDay = last.get().at().atZone(program.zone()).toLocalDate();
            if (!lastDay.isBefore(today)) {
                throw error(ErrorCode.LIMIT_REACHED, m.id() + " already checked in on " + lastDay);
            }
            if (lastDay.plusDays(1).equals(today)) {
                day = (int) last.get().value() + 1;
            }
        }
        TierLevel tier = tierAt(reader, m.id(), e.at());
        int recorded = day;
        for (EarnRule r : program.earn()) {
            if (r.on() != Trigger.CHECKIN || !matchesEvent(r.filter(), m, tier.id(), e.at(), null)) {
                continue;
            }
            if (r.filter().when() != null && !r.filter().when().test(memberView(m, tier, book.available(m.id())),
                    txView(e, null, null, BigDecimal.ZERO, List.of(), Map.of()), null)) {
                continue;
            }
            if (r.award() instanceof Award.Streak s) {
                int d = s.cycle() > 0 ? ((day - 1) % s.cycle()) + 1 : day;
                recorded = d;
                award(reader, book, r, m.id(), s.pointsOnDay(d), "check-in streak day " + d, e.at(), null,
                        PointsLot.Source.AWARD, e.at(), null);
            } else if (r.award() instanceof Award.Fixed f) {
                award(reader, book, r, m.id(), f.points(), f.points() + " points on check-in", e.at(), null,
                        PointsLot.Source.AWARD, e.at(), null);
            }
        }
        book.mark("checkin:" + m.id(), m.id(), recorded);
        return decision(e, book, null, null, null);
    }

    private Decision custom(LedgerReader reader, Book book, CustomEvent e) {
        if (e.name() == null || e.name().isBlank()) {
            throw invalid("event " + e.id() + ": 'name' is required");
        }
        Member m = requireMember(reader, e.member());
        fixedAwards(reader, book, e, Trigger.EVENT, e.name(), m, null, null, null, e.attributes());
        return decision(e, book, null, null, null);
    }

    private Decision adjust(LedgerReader reader, Book book, Adjust e) {
        if (e.points() == 0) {
            throw invalid("adjust " + e.id() + ": points must not be zero");
        }
        if (e.reason() == null || e.reason().isBlank() || e.operator() == null || e.operator().isBlank()) {
            throw invalid("adjust " + e.id() + ": reason and operator are required");
        }
        Member m = requireMember(reader, e.member());
        String reason = e.reason() + " (by " + e.operator() + ")";
        if (e.points() > 0) {
            book.credit(m.id(), "adjust", reason, PointsLot.Source.ADJUST, e.points(), e.at(), e.at(),
                    expiresAt(e.at()), null, null);
        } else {
            long want = -e.points();
            long available = book.available(m.id());
            if (available < want) {
                throw error(ErrorCode.INSUFFICIENT_POINTS, "cannot take " + want + " points; " + m.id() + " has "
                        + available + " available");
            }
            book.debit(m.id(), "adjust", reason, PointsDebit.Kind.ADJUST, book.drawAvailable(m.id(), want), 0, 0,
                    null, null, null);
        }
        return decision(e, book, null, null, null);
    }

    /** Qualifying contribution for the tier metric. */
    QualifyingEntry qualifying(Book book, String member, String eventId, Instant at, BigDecimal amount) {
        QualifyingEntry q = new QualifyingEntry(book.nextId(), member, eventId, at, exact(amount));
        book.add(q);
        return q;
    }
}
