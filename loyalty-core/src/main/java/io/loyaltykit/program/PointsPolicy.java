package io.loyaltykit.program;

import java.util.Set;

/**
 * Points accounting: rounding, pending, expiry, spend order, returns and which tenders earn.
 *
 * <pre>{@code
 * PointsPolicy.builder().pending("P7D").expiry(Expiry.after("P12M")).returns(ReturnsPolicy.WITHIN_BALANCE).build()
 * }</pre>
 *
 * @param rounding       how fractional points round
 * @param roundingScope  where rounding happens
 * @param pending        how long earned points stay pending
 * @param expiry         when points expire
 * @param spendOrder     which lots a debit draws first
 * @param returns        what returns do to spent points
 * @param excludeTenders tender types whose share of a bill earns nothing ({@code points} always among them)
 */
public record PointsPolicy(Rounding rounding, RoundingScope roundingScope, Span pending, Expiry expiry,
                           SpendOrder spendOrder, ReturnsPolicy returns, Set<String> excludeTenders) {

    /** The spec's defaults. */
    public static final PointsPolicy DEFAULTS = builder().build();

    /** Fills defaults for nulls; the points offset never earns. */
    public PointsPolicy {
        rounding = rounding == null ? Rounding.FLOOR : rounding;
        roundingScope = roundingScope == null ? RoundingScope.TRANSACTION : roundingScope;
        pending = pending == null ? Span.ZERO : pending;
        expiry = expiry == null ? Expiry.NEVER : expiry;
        spendOrder = spendOrder == null ? SpendOrder.SOONEST_EXPIRING : spendOrder;
        returns = returns == null ? ReturnsPolicy.WITHIN_BALANCE : returns;
        java.util.TreeSet<String> ex = new java.util.TreeSet<>(excludeTenders == null ? Set.of() : excludeTenders);
        ex.add("points");
        excludeTenders = java.util.Collections.unmodifiableSet(ex);
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link PointsPolicy}. */
    public static final class Builder {
        private Rounding rounding;
        private RoundingScope scope;
        private Span pending;
        private Expiry expiry;
        private SpendOrder spendOrder;
        private ReturnsPolicy returns;
        private Set<String> excludeTenders;

        private Builder() {
        }

        /** Rounding mode. */
        public Builder rounding(Rounding rounding) {
            this.rounding = rounding;
            return this;
        }

        /** Rounding scope. */
        public Builder roundingScope(RoundingScope scope) {
            this.scope = scope;
            return this;
        }

        /** Pending span, e.g. {@code "P7D"}. */
        public Builder pending(String span) {
            this.pending = Span.parse(span);
            return this;
        }

        /** Expiry. */
        public Builder expiry(Expiry expiry) {
            this.expiry = expiry;
            return this;
        }

        /** Spend order. */
        public Builder spendOrder(SpendOrder order) {
            this.spendOrder = order;
            return this;
        }

        /** Returns policy. */
        public Builder returns(ReturnsPolicy returns) {
            this.returns = returns;
            return this;
        }

        /** Tender types that earn nothing ({@code points} is always excluded). */
        public Builder excludeTenders(String... types) {
            this.excludeTenders = Set.of(types);
            return this;
        }

        /** The policy. */
        public PointsPolicy build() {
            return new PointsPolicy(rounding, scope, pending, expiry, spendOrder, returns, excludeTenders);
        }
    }
}
