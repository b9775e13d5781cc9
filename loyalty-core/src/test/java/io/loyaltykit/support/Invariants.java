package io.loyaltykit.support;

import io.loyaltykit.Loyalty;
import io.loyaltykit.ledger.Draw;
import io.loyaltykit.ledger.Ledger;
import io.loyaltykit.ledger.LedgerEntry;
import io.loyaltykit.ledger.PointsBalance;
import io.loyaltykit.ledger.PointsDebit;
import io.loyaltykit.ledger.PointsLot;
import io.loyaltykit.ledger.ValueEntry;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Ledger invariants every member's history must satisfy, whatever the events. */
public final class Invariants {
    private Invariants() {
    }

    /**
     * Checks one member: no lot overdrawn, no draw from a lot of another member, points conserved at every
     * instant the history mentions (lots minus draws minus debt equals available + pending + expired), no
     * negative figure except available under allow_negative, stored value never below zero.
     */
    public static void check(Loyalty loyalty, String member, boolean allowNegative) {
        List<LedgerEntry> h = loyalty.history(member);
        Map<String, PointsLot> lots = new HashMap<>();
        Map<String, Long> drawn = new HashMap<>();
        TreeSet<Instant> instants = new TreeSet<>();
        for (LedgerEntry e : h) {
            instants.add(e.at());
            if (e instanceof PointsLot l) {
                assertThat(l.points()).as("lot %s", l.id()).isGreaterThanOrEqualTo(0);
                lots.put(l.id(), l);
                if (l.expiresAt() != null) {
                    instants.add(l.expiresAt());
                }
                instants.add(l.maturesAt());
            }
        }
        for (LedgerEntry e : h) {
            if (e instanceof PointsDebit d) {
                for (Draw w : d.draws()) {
                    assertThat(lots).as("debit %s draws lot %s of member %s", d.id(), w.lot(), member).containsKey(w.lot());
                    assertThat(w.points()).isPositive();
                    drawn.merge(w.lot(), w.points(), Long::sum);
                }
                assertThat(d.forgiven()).isGreaterThanOrEqualTo(0);
            }
        }
        for (Map.Entry<String, Long> d : drawn.entrySet()) {
            assertThat(d.getValue()).as("lot %s overdrawn", d.getKey()).isLessThanOrEqualTo(lots.get(d.getKey()).points());
        }
        for (Instant t : instants) {
            PointsBalance b = Ledger.points(h, t);
            long lotSum = 0;
            long drawSum = 0;
            long debt = 0;
            for (LedgerEntry e : h) {
                if (e instanceof PointsLot l && !l.earnedAt().isAfter(t)) {
                    lotSum += l.points();
                } else if (e instanceof PointsDebit d && !d.at().isAfter(t)) {
                    drawSum += d.drawn();
                    debt += d.debt();
                }
            }
            assertThat(b.available() + b.pending() + b.expired()).as("conservation of %s at %s", member, t)
                    .isEqualTo(lotSum - drawSum - debt);
            assertThat(b.pending()).isGreaterThanOrEqualTo(0);
            assertThat(b.expired()).isGreaterThanOrEqualTo(0);
            if (!allowNegative) {
                assertThat(b.available()).as("available of %s at %s", member, t).isGreaterThanOrEqualTo(0);
                assertThat(debt).isZero();
            }
            assertThat(Ledger.purses(h, t).principal()).as("principal of %s at %s", member, t)
                    .isGreaterThanOrEqualTo(BigDecimal.ZERO);
            assertThat(Ledger.purses(h, t).bonus()).as("bonus of %s at %s", member, t)
                    .isGreaterThanOrEqualTo(BigDecimal.ZERO);
        }
        for (LedgerEntry e : h) {
            if (e instanceof ValueEntry v) {
                assertThat(v.amount().scale()).isLessThanOrEqualTo(2);
            }
        }
    }
}
