package io.loyaltykit.internal;

import io.loyaltykit.Account;
import io.loyaltykit.ErrorCode;
import io.loyaltykit.Loyalty;
import io.loyaltykit.LoyaltyException;
import io.loyaltykit.LoyaltyListener;
import io.loyaltykit.Quote;
import io.loyaltykit.Result;
import io.loyaltykit.event.Event;
import io.loyaltykit.event.Purchase;
import io.loyaltykit.ledger.Ledger;
import io.loyaltykit.ledger.LedgerEntry;
import io.loyaltykit.ledger.PackageState;
import io.loyaltykit.ledger.PointsBalance;
import io.loyaltykit.ledger.PointsDebit;
import io.loyaltykit.ledger.PointsLot;
import io.loyaltykit.program.Program;
import io.loyaltykit.program.TierLevel;
import io.loyaltykit.store.Decision;
import io.loyaltykit.store.EventRecord;
import io.loyaltykit.store.LedgerReader;
import io.loyaltykit.store.LoyaltyStore;
import io.loyaltykit.store.Member;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/** The facade: locks, idempotency, the engine, the commit, then listeners. */
public final class DefaultLoyalty implements Loyalty {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultLoyalty.class);

    private final Program program;
    private final LoyaltyStore store;
    private final Clock clock;
    private final Engine engine;
    private final List<LoyaltyListener> listeners;

    /** A facade; use {@link Loyalty#builder(Program)}. */
    public DefaultLoyalty(Program program, LoyaltyStore store, Clock clock, Supplier<String> vouchers,
                          List<LoyaltyListener> listeners) {
        this.program = program;
        this.store = store;
        this.clock = clock;
        this.engine = new Engine(program, vouchers);
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public Program program() {
        return program;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Result apply(Event event) {
        if (event == null) {
            throw new LoyaltyException(ErrorCode.INVALID_EVENT, "event is null");
        }
        if (event.id() == null || event.id().isBlank()) {
            return new Result.Rejected(event.id(), ErrorCode.INVALID_EVENT, "event id is required", null);
        }
        Set<String> keys = store.read(r -> engine.lockKeys(r, event));
        Result result;
        try {
            result = store.inTransaction(keys, tx -> decide(tx, event, tx::commit));
        } catch (LoyaltyException e) {
            if (e.code() != ErrorCode.IDEMPOTENCY_CONFLICT) {
                throw e;
            }
            // another process recorded the same id between our check and our commit: answer as a replay
            result = store.read(r -> decide(r, event, d -> {
                throw e;
            }));
        }
        LOG.debug("{} {} -> {}", event.type(), event.id(), result.status());
        if (result instanceof Result.Applied applied) {
            notifyListeners(event, applied);
        }
        return result;
    }

    private Result decide(LedgerReader tx, Event event, java.util.function.Consumer<Decision> commit) {
        Optional<EventRecord> prior = tx.event(event.id());
        if (prior.isPresent()) {
            if (prior.get().fingerprint().equals(Fingerprint.of(event))) {
                return new Result.Duplicate(event.id(), applied(tx, prior.get()));
            }
            return new Result.Rejected(event.id(), ErrorCode.IDEMPOTENCY_CONFLICT, "event " + event.id()
                    + " was already applied with other content", null);
        }
        Decision d;
        try {
            d = engine.evaluate(tx, event);
        } catch (LoyaltyException e) {
            LOG.debug("{} {} rejected: {}", event.type(), event.id(), e.getMessage());
            return Result.Rejected.of(event.id(), e);
        }
        commit.accept(d);
        EventRecord r = d.record();
        return new Result.Applied(r.id(), r.member(), r.points(), d.entries(), r.tierBefore(), r.tierAfter());
    }

    private static Result.Applied applied(LedgerReader reader, EventRecord r) {
        return new Result.Applied(r.id(), r.member(), r.points(), reader.entriesOfEvent(r.id()), r.tierBefore(),
                r.tierAfter());
    }

    private void notifyListeners(Event event, Result.Applied applied) {
        for (LoyaltyListener l : listeners) {
            try {
                l.applied(event, applied);
                if (applied.member() != null && applied.points() > 0) {
                    l.pointsEarned(applied.member(), applied.points(), event);
                }
                if (applied.tierChanged()) {
                    l.tierChanged(applied.member(), applied.tierBefore(), applied.tierAfter(), event);
                }
                for (LedgerEntry e : applied.entries()) {
                    if (e instanceof PointsDebit d && d.kind() == PointsDebit.Kind.REDEEM) {
                        l.rewardRedeemed(d.member(), d, event);
                    }
                }
            } catch (RuntimeException ex) {
                LOG.warn("listener {} failed on event {}", l.getClass().getName(), event.id(), ex);
            }
        }
    }

    @Override
    public Quote quote(Purchase purchase) {
        return store.read(r -> {
            try {
                PurchaseEvaluator.Outcome o = engine.quote(r, purchase);
                LoyaltyException x = o.rejection();
                return new Quote(o.earned(), o.maxRedeemablePoints(), o.tier().id(), o.tier().discounts(),
                        x == null ? null : x.code(), x == null ? null : x.getMessage());
            } catch (LoyaltyException e) {
                TierLevel base = program.tiers().base();
                return new Quote(0, 0, base.id(), List.of(), e.code(), e.getMessage());
            }
        });
    }

    @Override
    public PointsBalance balance(String member, Instant asOf) {
        return store.read(r -> Ledger.points(r.history(member), asOf));
    }

    @Override
    public Account account(String member, Instant asOf) {
        return store.read(r -> {
            Member m = r.member(member).orElseThrow(() -> new LoyaltyException(ErrorCode.UNKNOWN_MEMBER,
                    "member " + member + " is not enrolled"));
            List<LedgerEntry> h = r.history(member);
            Map<String, Account.PackageBalance> pk = new TreeMap<>();
            for (PackageState s : Ledger.packages(h, asOf)) {
                if (s.remaining() <= 0) {
                    continue;
                }
                pk.merge(s.grant().packageId(), new Account.PackageBalance(s.remaining(), s.grant().expiresAt()),
                        (a, b) -> new Account.PackageBalance(a.remaining() + b.remaining(),
                                a.expiresAt() == null ? b.expiresAt() : b.expiresAt() == null ? a.expiresAt()
                                        : a.expiresAt().isBefore(b.expiresAt()) ? a.expiresAt() : b.expiresAt()));
            }
            TierLevel tier = engine.tierClock().levelAt(r.qualifying(member), asOf);
            return new Account(member, asOf, tier.id(), Ledger.points(h, asOf), Ledger.purses(h, asOf), pk, m.referrer());
        });
    }

    @Override
    public List<io.loyaltykit.TierChange> tierHistory(String member, Instant until) {
        return store.read(r -> engine.tierClock().changes(r.qualifying(member), until));
    }

    @Override
    public List<LedgerEntry> history(String member) {
        return store.read(r -> r.history(member));
    }

    @Override
    public long expiringWithin(String member, int days) {
        Instant now = clock.instant();
        Instant until = now.plus(Duration.ofDays(days));
        return store.read(r -> {
            long sum = 0;
            for (var s : r.openLots(member)) {
                PointsLot l = s.lot();
                if (l.expiresAt() != null && l.expiresAt().isAfter(now) && !l.expiresAt().isAfter(until)) {
                    sum += s.remaining();
                }
            }
            return sum;
        });
    }

    @Override
    public List<Loyalty.UpcomingBirthday> birthdaysWithin(int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must be zero or more, got " + days);
        }
        java.time.LocalDate today = clock.instant().atZone(program.zone()).toLocalDate();
        java.time.LocalDate last = today.plusDays(days - 1L);
        List<Loyalty.UpcomingBirthday> out = new java.util.ArrayList<>();
        store.read(r -> {
            for (String id : r.memberIds()) {
                r.member(id).ifPresent(m -> {
                    java.time.LocalDate born = m.profile() == null ? null : m.profile().birthday();
                    if (born == null) {
                        return;
                    }
                    java.time.LocalDate next = io.loyaltykit.program.BirthdayPeriod.birthdayIn(born, today.getYear());
                    if (next.isBefore(today)) {
                        next = io.loyaltykit.program.BirthdayPeriod.birthdayIn(born, today.getYear() + 1);
                    }
                    if (!next.isAfter(last)) {
                        out.add(new Loyalty.UpcomingBirthday(id, next));
                    }
                });
            }
            return null;
        });
        out.sort(java.util.Comparator.comparing(Loyalty.UpcomingBirthday::on).thenComparing(Loyalty.UpcomingBirthday::member));
        return out;
    }
}
