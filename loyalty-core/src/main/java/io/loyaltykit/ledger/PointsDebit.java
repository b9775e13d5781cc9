package io.loyaltykit.ledger;

import java.time.Instant;
import java.util.List;

/**
 * Points taken: names the lots drawn and how much from each. A reversal may also record points forgiven
 * (let go by the returns policy) or debt (the balance going negative under {@code allow_negative}); a
 * repayment draws a new lot and reduces debt ({@code debt} negative).
 *
 * @param id       entry id
 * @param member   member id
 * @param eventId  the event that wrote it
 * @param rule     the rule or reward concerned
 * @param reason   why, for people
 * @param kind     what kind of debit
 * @param at       instant
 * @param draws    lots drawn
 * @param forgiven points not reversed because the policy let them go
 * @param debt     points owed (positive), or debt repaid (negative)
 * @param origin   the purchase a reversal follows, or null
 * @param store    the store, or null
 * @param voucher  a reward's voucher code, or null
 */
public record PointsDebit(String id, String member, String eventId, String rule, String reason, Kind kind,
                          Instant at, List<Draw> draws, long forgiven, long debt, String origin, String store,
                          String voucher) implements LedgerEntry {

    /** What a debit is. */
    public enum Kind {
        /** A reward from the catalog. */
        REDEEM,
        /** Points as cash off a bill. */
        OFFSET,
        /** A return's reversal. */
        REVERSAL,
        /** A manual negative adjustment. */
        ADJUST,
        /** Repayment of debt from a new lot. */
        REPAY,
        /** Held walk-in points handed to the member who claimed them. */
        CLAIM
    }

    /** Copies draws. */
    public PointsDebit {
        draws = List.copyOf(draws);
    }

    /** Points drawn from lots. */
    public long drawn() {
        long s = 0;
        for (Draw d : draws) {
            s += d.points();
        }
        return s;
    }

    /** The change this debit makes to the member's points (available + pending): {@code -(drawn + debt)}. */
    public long pointsDelta() {
        return -(drawn() + debt);
    }

    /** True for debits that count as points spent ({@code redeemed}). */
    public boolean isSpend() {
        return kind == Kind.REDEEM || kind == Kind.OFFSET;
    }
}
