package io.loyaltykit.rules.mvel.internal;

import org.mvel2.compiler.CompiledExpression;

/** The sandbox's pipeline: lexical checks, parsing, typing against the allow-list, MVEL, AST verification. */
public final class ConditionCompiler {
    private ConditionCompiler() {
    }

    /**
     * Compiles one condition.
     *
     * @param ruleId      the rule, for messages
     * @param expression  the condition as written
     * @param lineRule    whether {@code line} is declared
     * @param maxLength   longest text accepted
     * @param maxDepth    deepest nesting accepted
     * @param maxNodes    most parts accepted
     * @param budgetNanos longest one evaluation may take
     * @return the compiled condition
     * @throws Refusal when any stage refuses it
     */
    public static SandboxedCondition compile(String ruleId, String expression, boolean lineRule, int maxLength,
                                             int maxDepth, int maxNodes, long budgetNanos) {
        if (expression == null || expression.isBlank()) {
            throw new Refusal("the condition is empty", null, -1);
        }
        if (expression.length() > maxLength) {
            throw new Refusal("the condition is " + expression.length() + " characters long, over the limit of "
                    + maxLength, expression.substring(0, 20) + "...", 0);
        }
        Expr tree = Parser.parse(Lexer.tokens(expression), maxDepth, maxNodes);
        Checker.Result checked = Checker.check(tree, lineRule, maxDepth, expression.strip(),
                expression.length() - expression.stripLeading().length());
        CompiledExpression compiled = MvelBackend.compile(checked, lineRule);
        return new SandboxedCondition(ruleId, expression, checked.mvel(), checked.readsLine(), compiled, budgetNanos);
    }
}
