package io.loyaltykit.rules.mvel;

/**
 * A {@code when} expression refused at load: not valid in the condition language, reaching outside the
 * sandbox's allow-list, or of the wrong type. The message names the rule and the offending token; the
 * program-file loader adds the file position.
 */
public class ConditionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String token;
    private final String ruleId;
    private final int offset;

    /** A refusal naming the offending token (may be null when the expression does not parse). */
    public ConditionException(String message, String token) {
        this(message, token, null, -1);
    }

    /**
     * A refusal with its rule and where in the expression the offending token starts.
     *
     * @param message for people; names the rule and the token
     * @param token   the offending token as written, or null
     * @param ruleId  the rule, or null
     * @param offset  zero-based offset of the token in the expression, or -1
     */
    public ConditionException(String message, String token, String ruleId, int offset) {
        super(message);
        this.token = token;
        this.ruleId = ruleId;
        this.offset = offset;
    }

    /** The offending token, or null. */
    public String token() {
        return token;
    }

    /** The rule whose condition was refused, or null. */
    public String ruleId() {
        return ruleId;
    }

    /** Zero-based offset of the offending token in the expression text, or -1 when it has no single place. */
    public int offset() {
        return offset;
    }
}
