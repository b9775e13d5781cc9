package io.loyaltykit.rules.mvel.internal;

import io.loyaltykit.program.LineView;
import io.loyaltykit.program.MemberView;
import io.loyaltykit.program.TxView;
import io.loyaltykit.rules.mvel.ConditionEvaluationException;
import io.loyaltykit.rules.mvel.MvelCondition;
import org.mvel2.MVEL;
import org.mvel2.compiler.CompiledExpression;

/**
 * A checked, compiled condition. Evaluation allocates one small variables object, runs the compiled
 * expression and checks the elapsed time against the budget: the language has no loops, recursion,
 * regular expressions or allocation beyond joining the texts it names, so an evaluation costs at most
 * (expression size) x (input size); the deadline check turns anything slower (a pathological pause,
 * a future MVEL surprise) into a typed failure instead of a silent result.
 */
public final class SandboxedCondition implements MvelCondition {

    private final String ruleId;
    private final String source;
    private final String mvel;
    private final boolean readsLine;
    private final CompiledExpression compiled;
    private final long budgetNanos;

    SandboxedCondition(String ruleId, String source, String mvel, boolean readsLine, CompiledExpression compiled,
                       long budgetNanos) {
        this.ruleId = ruleId;
        this.source = source;
        this.mvel = mvel;
        this.readsLine = readsLine;
        this.compiled = compiled;
        this.budgetNanos = budgetNanos;
    }

    @Override
    public boolean test(MemberView member, TxView tx, LineView line) {
        if (member == null || tx == null) {
            throw new ConditionEvaluationException(ruleId, source, "it needs both member and tx", null);
        }
        if (readsLine && line == null) {
            throw new ConditionEvaluationException(ruleId, source, "it reads line, but no line was given", null);
        }
        long start = System.nanoTime();
        Object result;
        try {
            result = MVEL.executeExpression(compiled, new ViewVariables(member, tx, line));
        } catch (RuntimeException | LinkageError e) {
            throw new ConditionEvaluationException(ruleId, source, reason(e), e);
        }
        long took = System.nanoTime() - start;
        if (took > budgetNanos) {
            throw new ConditionEvaluationException(ruleId, source, "it took " + took / 1000 + " µs, over the budget of "
                    + budgetNanos / 1000 + " µs", null);
        }
        if (result instanceof Boolean b) {
            return b;
        }
        throw new ConditionEvaluationException(ruleId, source, "it gave " + result + " instead of true or false",
                null);
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof NullPointerException) {
            return "a value it reads is null (compare it with null first)";
        }
        if (root instanceof ArithmeticException) {
            return "arithmetic error: " + root.getMessage();
        }
        if (root instanceof IndexOutOfBoundsException) {
            return "index out of range: " + root.getMessage();
        }
        String msg = root.getMessage();
        if (msg != null && msg.indexOf('\n') >= 0) {
            msg = msg.substring(0, msg.indexOf('\n'));
        }
        return root.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public boolean readsLine() {
        return readsLine;
    }

    @Override
    public String ruleId() {
        return ruleId;
    }

    @Override
    public String mvel() {
        return mvel;
    }

    @Override
    public String toString() {
        return "when[" + ruleId + "] " + source;
    }
}
