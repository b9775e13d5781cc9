package io.loyaltykit.program;

/** Where rounding happens. */
public enum RoundingScope {
    /** The exact sum over all lines and rules, rounded once (the default). */
    TRANSACTION,
    /** Each rule's points rounded on their own. */
    RULE
}
