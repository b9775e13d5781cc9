package io.loyaltykit.store;

import io.loyaltykit.ledger.LedgerEntry;
import io.loyaltykit.ledger.LotState;
import io.loyaltykit.ledger.Mark;
import io.loyaltykit.ledger.PackageState;
import io.loyaltykit.ledger.Purses;
import io.loyaltykit.ledger.QualifyingEntry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the engine may read from a store. Inside a transaction, the answers include everything committed
 * before it; implementations answer each from indexes, never by scanning all members.
 */
public interface LedgerReader {

    /** An applied event. */
    Optional<EventRecord> event(String eventId);

    /** A member. */
    Optional<Member> member(String memberId);

    /**
     * Every enrolled member's id, sorted by id (Java {@link String} order). For exports and reports; the
     * engine never calls it.
     */
    List<String> memberIds();

    /** The member's lots with points left, counting every debit recorded. */
    List<LotState> openLots(String memberId);

    /** The member's outstanding points debt. */
    long debt(String memberId);

    /** The member's stored-value balances. */
    Purses purses(String memberId);

    /** The member's package grants not expired at {@code asOf}, with uses left. */
    List<PackageState> packages(String memberId, Instant asOf);

    /** The member's tier-metric contributions, in time order. */
    List<QualifyingEntry> qualifying(String memberId);

    /** Every entry an event wrote, on any member. */
    List<LedgerEntry> entriesOfEvent(String eventId);

    /** Points a rule awarded a member in lots earned in {@code [from, to)}. */
    long awarded(String memberId, String rule, Instant from, Instant to);

    /** Sum of the values of marks with this key. */
    long markSum(String key);

    /** Sum of the values of marks with this key at instants in {@code [from, to)}. */
    long markSum(String key, Instant from, Instant to);

    /** The latest mark with this key. */
    Optional<Mark> lastMark(String key);

    /** Every entry of a member, in the order written. */
    List<LedgerEntry> history(String memberId);
}
