package io.loyaltykit.store;

import io.loyaltykit.ErrorCode;
import io.loyaltykit.Loyalty;
import io.loyaltykit.LoyaltyException;
import io.loyaltykit.Result;
import io.loyaltykit.event.Event;
import io.loyaltykit.event.Profile;
import io.loyaltykit.ledger.Draw;
import io.loyaltykit.ledger.Ledger;
import io.loyaltykit.ledger.LedgerEntry;
import io.loyaltykit.ledger.LotState;
import io.loyaltykit.ledger.Mark;
import io.loyaltykit.ledger.PackageEntry;
import io.loyaltykit.ledger.PointsDebit;
import io.loyaltykit.ledger.PointsLot;
import io.loyaltykit.ledger.QualifyingEntry;
import io.loyaltykit.ledger.ValueEntry;
import io.loyaltykit.program.Program;
import io.loyaltykit.program.ReturnsPolicy;
import io.loyaltykit.support.EventStreams;
import io.loyaltykit.support.Invariants;
import io.loyaltykit.support.TestPrograms;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link LoyaltyStore} must do. Subclass it per store and database; each test gets a fresh,
 * empty store from {@link #newStore()}.
 */
public abstract class LoyaltyStoreContract {
    private static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");

    protected LoyaltyStore store;

    /** A fresh, empty store. */
    protected abstract LoyaltyStore newStore();

    @BeforeEach
    void open() {
        store = newStore();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static Instant t(long minutes) {
        return T0.plusSeconds(60 * minutes);
    }

    private static EventRecord record(String id, String member, Instant at, long points, List<LineRecord> lines) {
        return new EventRecord(id, "purchase", member, at, "fp-" + id, points, "regular", "silver", "S1", null, lines);
    }

    private void commit(Decision d) {
        store.inTransaction(List.of("member:" + d.record().member()), tx -> {
            tx.commit(d);
            return null;
        });
    }

    private Decision sample() {
        Member m = new Member("m1", new Profile("王芳", "138", java.time.LocalDate.parse("1990-07-15"), "F", List.of("colour")),
                null, t(0), "S1", "amy");
        PointsLot lot = new PointsLot("p1#1", "m1", "p1", "base", "1 pt per 1.00 on 128.00 (service)",
                PointsLot.Source.PURCHASE, 128, t(1), t(1).plusSeconds(7 * 86400), t(1).plusSeconds(365 * 86400), "p1", "S1");
        PointsLot lot2 = new PointsLot("p1#2", "m1", "p1", "big-ticket", "bonus", PointsLot.Source.PURCHASE, 50, t(1), t(1),
                null, "p1", "S1");
        PointsDebit debit = new PointsDebit("p1#3", "m1", "p1", "cash-offset", "offset", PointsDebit.Kind.OFFSET, t(1),
                List.of(new Draw("p1#2", 20)), 0, 0, "p1", "S1", null);
        ValueEntry v = new ValueEntry("p1#4", "m1", "p1", "top", ValueEntry.Purse.PRINCIPAL, new BigDecimal("-12.34"), t(1),
                "p1", "S1");
        PackageEntry g = new PackageEntry("p1#5", "m1", "p1", "10 uses", "cut-10", "p1#5", 10, t(1), t(1).plusSeconds(86400 * 30), "p1");
        QualifyingEntry q = new QualifyingEntry("p1#6", "m1", "p1", t(1), new BigDecimal("128.000000000001"));
        Mark mark = new Mark("p1#7", "referral-trigger:m1", "m1", "p1", t(1), 1);
        List<LineRecord> lines = List.of(new LineRecord("1", "CUT-01", "service", new BigDecimal("1"), new BigDecimal("128.00"),
                new BigDecimal("128.3333333333"), new BigDecimal("128.00"), "amy"));
        return new Decision(record("p1", "m1", t(1), 158, lines), List.of(lot, lot2, debit, v, g, q, mark), m);
    }

    @Test
    void readsBackEverythingItCommitted() {
        Decision d = sample();
        commit(d);
        store.read(r -> {
            assertThat(r.event("p1")).contains(d.record());
            assertThat(r.event("nope")).isEmpty();
            assertThat(r.member("m1")).contains(d.member());
            assertThat(r.memberIds()).containsExactly("m1");
            assertThat(r.history("m1")).containsExactlyElementsOf(d.entries());
            assertThat(r.entriesOfEvent("p1")).containsExactlyInAnyOrderElementsOf(d.entries());
            assertThat(r.openLots("m1")).containsExactlyInAnyOrder(
                    new LotState((PointsLot) d.entries().get(0), 0), new LotState((PointsLot) d.entries().get(1), 20));
            assertThat(r.debt("m1")).isZero();
            assertThat(r.purses("m1").principal()).isEqualByComparingTo("-12.34");
            assertThat(r.purses("m1").bonus()).isEqualByComparingTo("0");
            assertThat(r.packages("m1", t(2))).hasSize(1).first().satisfies(p -> assertThat(p.remaining()).isEqualTo(10));
            assertThat(r.packages("m1", t(1).plusSeconds(86400 * 30))).isEmpty();
            assertThat(r.qualifying("m1")).containsExactly((QualifyingEntry) d.entries().get(5));
            assertThat(r.awarded("m1", "base", t(1), t(2))).isEqualTo(128);
            assertThat(r.awarded("m1", "base", t(0), t(1))).isZero();
            assertThat(r.awarded("m1", "base", t(2), t(3))).isZero();
            assertThat(r.markSum("referral-trigger:m1")).isEqualTo(1);
            assertThat(r.markSum("referral-trigger:m1", t(1), t(2))).isEqualTo(1);
            assertThat(r.markSum("referral-trigger:m1", t(2), t(3))).isZero();
            assertThat(r.lastMark("referral-trigger:m1")).contains((Mark) d.entries().get(6));
            assertThat(r.lastMark("nothing")).isEmpty();
            return null;
        });
    }

    @Test
    void fullyDrawnLotsAreNotOpenAndDebtAddsUp() {
        commit(sample());
        PointsDebit all = new PointsDebit("x1#1", "m1", "x1", "free-wash", "redeemed", PointsDebit.Kind.REDEEM, t(5),
                List.of(new Draw("p1#2", 30), new Draw("p1#1", 28)), 0, 0, null, null, "V-1");
        PointsDebit rev = new PointsDebit("r1#1", "m1", "r1", "return", "return", PointsDebit.Kind.REVERSAL, t(6),
                List.of(new Draw("p1#1", 100)), 7, 40, "p1", null, null);
        commit(new Decision(record("x1", "m1", t(5), -58, List.of()), List.of(all), null));
        commit(new Decision(record("r1", "m1", t(6), -140, List.of()), List.of(rev), null));
        store.read(r -> {
            assertThat(r.openLots("m1")).isEmpty();
            assertThat(r.debt("m1")).isEqualTo(40);
            assertThat(Ledger.points(r.history("m1"), t(10)).available()).isEqualTo(-40);
            return null;
        });
    }

    @Test
    void aSecondCommitOfTheSameEventIdFailsAndWritesNothing() {
        commit(sample());
        PointsLot extra = new PointsLot("p1b#1", "m1", "p1", "base", "again", PointsLot.Source.PURCHASE, 5, t(3), t(3),
                null, "p1", null);
        Decision again = new Decision(record("p1", "m1", t(3), 5, List.of()), List.of(extra), null);
        assertThatThrownBy(() -> commit(again)).isInstanceOf(LoyaltyException.class)
                .satisfies(e -> assertThat(((LoyaltyException) e).code()).isEqualTo(ErrorCode.IDEMPOTENCY_CONFLICT));
        store.read(r -> {
            assertThat(r.history("m1")).hasSize(7);
            return null;
        });
    }

    @Test
    void workThatFailsWritesNothing() {
        assertThatThrownBy(() -> store.inTransaction(List.of("member:m1"), tx -> {
            tx.commit(sample());
            throw new IllegalStateException("boom");
        })).hasMessageContaining("boom");
        store.read(r -> {
            assertThat(r.event("p1")).isEmpty();
            assertThat(r.member("m1")).isEmpty();
            assertThat(r.memberIds()).isEmpty();
            assertThat(r.history("m1")).isEmpty();
            return null;
        });
    }

    @Test
    void theFacadeGivesTheSameResultsAsTheInMemoryStore() {
        Program program = TestPrograms.salon(ReturnsPolicy.ALLOW_NEGATIVE);
        List<Event> events = EventStreams.generate(42, 6, 250, "", true);
        LoyaltyStore referenceStore = LoyaltyStore.inMemory();
        Loyalty reference = Loyalty.builder(program).store(referenceStore).voucherCodes(() -> "CODE").build();
        Loyalty tested = Loyalty.builder(program).store(store).voucherCodes(() -> "CODE").build();
        Set<String> members = new HashSet<>();
        List<Result> expected = new ArrayList<>();
        for (Event e : events) {
            expected.add(reference.apply(e));
            if (e.member() != null) {
                members.add(e.member());
            }
        }
        for (int i = 0; i < events.size(); i++) {
            assertThat(tested.apply(events.get(i))).as("event %s", events.get(i).id()).isEqualTo(expected.get(i));
        }
        Instant end = events.get(events.size() - 1).at().plusSeconds(86400 * 400);
        for (String m : members) {
            assertThat(tested.history(m)).isEqualTo(reference.history(m));
            assertThat(store.read(LedgerReader::memberIds)).isEqualTo(referenceStore.read(LedgerReader::memberIds));
            assertThat(tested.account(m, end)).isEqualTo(reference.account(m, end));
            Invariants.check(tested, m, true);
        }
        for (int i = 0; i < 80; i++) {
            if (expected.get(i) instanceof Result.Applied first) {
                assertThat(tested.apply(events.get(i))).isEqualTo(new Result.Duplicate(first.eventId(), first));
            }
        }
    }

    /** Exposed for store-specific tests. */
    protected static List<LedgerEntry> entries(Decision d) {
        return d.entries();
    }
}
