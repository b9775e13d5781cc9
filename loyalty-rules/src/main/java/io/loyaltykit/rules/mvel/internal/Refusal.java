package io.loyaltykit.rules.mvel.internal;

/**
 * Why an expression is refused, raised inside the checker and turned into the public
 * {@code ConditionException} (with the rule id) at the boundary.
 */
public final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String token;
    private final int offset;

    Refusal(String detail, String token, int offset) {
        super(detail, null, false, false);
        this.token = token;
        this.offset = offset;
    }

    /** The offending token as written, or null. */
    public String token() {
        return token;
    }

    /** Offset of the token in the expression, or -1. */
    public int offset() {
        return offset;
    }
}
