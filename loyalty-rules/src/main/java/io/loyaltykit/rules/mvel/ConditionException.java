package io.loyaltykit.rules.mvel;

/**
 * A {@code when} expression refused at load: not valid MVEL, or reaching outside the sandbox's allow-list.
 */
public class ConditionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String token;

    /** A refusal naming the offending token (may be null when the expression does not parse). */
    public ConditionException(String message, String token) {
        super(message);
        this.token = token;
    }

    /** The offending token, or null. */
    public String token() {
        return token;
    }
}
