package io.loyaltykit.rules.mvel;

import io.loyaltykit.ErrorCode;
import io.loyaltykit.LoyaltyException;

/**
 * A compiled condition that failed while evaluating: it read a null value, divided by zero, indexed past
 * the end of a text, or ran over the sandbox's time budget. It is a {@link LoyaltyException} with
 * {@link ErrorCode#INVALID_PROGRAM}, so the engine rejects the event with the rule named, records
 * nothing, and does not treat the failure as "the rule does not apply".
 *
 * <pre>{@code
 * Result r = loyalty.apply(purchase);
 * if (r instanceof Result.Rejected rej && rej.code() == ErrorCode.INVALID_PROGRAM) {
 *     log.error("fix the program: {}", rej.message());
 * }
 * }</pre>
 */
public class ConditionEvaluationException extends LoyaltyException {
    private static final long serialVersionUID = 1L;

    private final String ruleId;
    private final String source;

    /**
     * A failed evaluation.
     *
     * @param ruleId the rule
     * @param source the condition as written
     * @param reason what went wrong, for people
     * @param cause  the underlying exception, or null
     */
    public ConditionEvaluationException(String ruleId, String source, String reason, Throwable cause) {
        super(ErrorCode.INVALID_PROGRAM, "rule '" + ruleId + "': condition " + source + " failed: " + reason, cause);
        this.ruleId = ruleId;
        this.source = source;
    }

    /** The rule whose condition failed. */
    public String ruleId() {
        return ruleId;
    }

    /** The condition as written. */
    public String source() {
        return source;
    }
}
