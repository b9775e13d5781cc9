package io.loyaltykit.rules.mvel;

import io.loyaltykit.program.Condition;

/**
 * Compiles {@code when} expressions into sandboxed {@link Condition}s.
 */
public final class MvelConditions {
    private MvelConditions() {
    }

    /**
     * Compiles an expression once, checked against the sandbox.
     *
     * @param ruleId     the rule, for messages
     * @param expression the MVEL text
     * @param lineRule   whether {@code line} is declared (purchase rules)
     * @return the condition
     * @throws ConditionException when the expression is refused
     */
    public static Condition compile(String ruleId, String expression, boolean lineRule) {
        throw new ConditionException("MVEL conditions are not available yet", null);
    }
}
