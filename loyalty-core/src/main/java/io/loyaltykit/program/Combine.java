package io.loyaltykit.program;

/** How several matching multipliers (the tier's included) combine on one line. */
public enum Combine {
    /** The largest wins (the default). */
    MAX,
    /** Their product. */
    MULTIPLY,
    /** 1 + the sum of (m - 1). */
    ADD
}
