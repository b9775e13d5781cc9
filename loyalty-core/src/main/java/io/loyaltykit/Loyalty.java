package io.loyaltykit;

import io.loyaltykit.event.Event;
import io.loyaltykit.event.Purchase;
import io.loyaltykit.ledger.LedgerEntry;
import io.loyaltykit.ledger.PointsBalance;
import io.loyaltykit.program.Program;
import io.loyaltykit.store.LoyaltyStore;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The facade a POS talks to: apply events, quote a bill, ask balances and history.
 *
 * <pre>{@code
 * Program program = Program.builder("lotus-salon").currency("CNY").zone("Asia/Shanghai")
 *         .earn(Earn.rate("base").points(1).per("1.00"))
 *         .build();
 * Loyalty loyalty = Loyalty.builder(program).build();          // in-memory store, system clock
 * loyalty.apply(Enroll.of("e1", Instant.now(), "m1"));
 * Result r = loyalty.apply(Purchase.builder("p1", Instant.now()).member("m1")
 *         .line("1", "CUT-01", "service", "1", "128.00").tender("cash", "128.00").build());
 * }</pre>
 */
public interface Loyalty {

    /** A builder for a facade over this program. */
    static Builder builder(Program program) {
        return new Builder(program);
    }

    /** The program. */
    Program program();

    /**
     * Applies an event: {@link Result.Applied}, {@link Result.Duplicate} for a replay of the same content,
     * {@link Result.Rejected} with a code (nothing recorded). Throws {@link LoyaltyException} with
     * {@link ErrorCode#STORE_UNAVAILABLE} only when the store could not commit.
     */
    Result apply(Event event);

    /** What a purchase would earn and allow, without recording anything. */
    Quote quote(Purchase purchase);

    /** A member's points as of an instant. */
    PointsBalance balance(String member, Instant asOf);

    /** A member's points now, by the facade's clock. */
    default PointsBalance balance(String member) {
        return balance(member, clock().instant());
    }

    /** A member's full standing as of an instant; throws {@link ErrorCode#UNKNOWN_MEMBER}. */
    Account account(String member, Instant asOf);

    /** A member's changes of level up to an instant, in order (tier history, derived from the ledger). */
    List<TierChange> tierHistory(String member, Instant until);

    /** Every ledger entry of a member, in order. */
    List<LedgerEntry> history(String member);

    /** Points of a member that expire in {@code (now, now + days]}, by the clock. */
    long expiringWithin(String member, int days);

    /**
     * Members whose birthday falls on one of the next {@code days} calendar days from today (by the clock, in the
     * program's timezone; today counts as day 1), with the date it falls on, soonest first. 29 February counts as
     * 28 February in other years, as for the {@code birthday} filters. For the POS's "birthday coming" greetings.
     *
     * <pre>{@code
     * for (Loyalty.UpcomingBirthday b : loyalty.birthdaysWithin(7)) {
     *     sms.send(b.member(), "生日快乐! Double points all month.");
     * }
     * }</pre>
     */
    List<UpcomingBirthday> birthdaysWithin(int days);

    /** A member's coming birthday: the member and the date it falls on this time. */
    record UpcomingBirthday(String member, java.time.LocalDate on) {
    }

    /** The clock. */
    Clock clock();

    /** Builds a {@link Loyalty}. */
    final class Builder {
        private final Program program;
        private LoyaltyStore store;
        private Clock clock;
        private Supplier<String> vouchers;
        private final List<LoyaltyListener> listeners = new ArrayList<>();

        private Builder(Program program) {
            this.program = Objects.requireNonNull(program, "program");
        }

        /** The store; default {@link LoyaltyStore#inMemory()}. */
        public Builder store(LoyaltyStore store) {
            if (this.store != null) {
                throw new IllegalStateException("store was already set");
            }
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** The clock for "now" queries; default the system UTC clock. */
        public Builder clock(Clock clock) {
            if (this.clock != null) {
                throw new IllegalStateException("clock was already set");
            }
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Voucher codes for rewards; default 12 characters from {@link java.security.SecureRandom}. */
        public Builder voucherCodes(Supplier<String> codes) {
            this.vouchers = Objects.requireNonNull(codes, "codes");
            return this;
        }

        /** Adds a listener. */
        public Builder listener(LoyaltyListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** The facade. */
        public Loyalty build() {
            return new io.loyaltykit.internal.DefaultLoyalty(program, store == null ? LoyaltyStore.inMemory() : store,
                    clock == null ? Clock.systemUTC() : clock,
                    vouchers == null ? io.loyaltykit.internal.VoucherCodes.secureRandom() : vouchers, listeners);
        }
    }
}
