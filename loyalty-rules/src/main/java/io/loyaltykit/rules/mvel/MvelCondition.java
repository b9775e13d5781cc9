package io.loyaltykit.rules.mvel;

import io.loyaltykit.program.Condition;
import io.loyaltykit.program.LineView;
import io.loyaltykit.program.MemberView;
import io.loyaltykit.program.TxView;

/**
 * A {@code when} condition compiled through the sandbox. Besides {@link Condition}, it tells which rule it
 * belongs to and the MVEL text that was actually compiled (the sandbox re-writes every condition into a
 * canonical form before MVEL sees it).
 *
 * <pre>{@code
 * MvelCondition c = MvelConditions.compile("colour-regulars",
 *         "line.sku.startsWith('COLOR-') && member.tags.contains('colour')", true);
 * c.mvel();   // (line.sku().startsWith("COLOR-") && member.tags().contains("colour"))
 * }</pre>
 */
public interface MvelCondition extends Condition {

    /** The rule this condition belongs to. */
    String ruleId();

    /** The canonical MVEL text compiled for this condition. */
    String mvel();

    /**
     * Evaluates the condition.
     *
     * @throws ConditionEvaluationException when evaluation fails or runs over the time budget
     */
    @Override
    boolean test(MemberView member, TxView tx, LineView line);
}
