package io.loyaltykit.rules.mvel;

/**
 * Compiles {@code when} expressions into sandboxed conditions with the default limits of
 * {@link MvelSandbox#ofDefaults()}; see {@link MvelSandbox} for the language and the checks.
 *
 * <pre>{@code
 * Condition colour = MvelConditions.compile("colour-regulars",
 *         "line.sku.startsWith('COLOR-') && member.tags.contains('colour')", true);
 * }</pre>
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
    public static MvelCondition compile(String ruleId, String expression, boolean lineRule) {
        return MvelSandbox.ofDefaults().compile(ruleId, expression, lineRule);
    }
}
