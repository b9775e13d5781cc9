package io.loyaltykit.program;

/**
 * A rule's {@code when}: a predicate over read-only views. Java code passes a lambda; program files give
 * an MVEL expression that the rules module compiles and sandboxes.
 *
 * <pre>{@code
 * Condition colour = (member, tx, line) -> line.sku().startsWith("COLOR-") && member.tags().contains("colour");
 * }</pre>
 */
@FunctionalInterface
public interface Condition {

    /**
     * Whether the rule applies.
     *
     * @param member the member
     * @param tx     the event
     * @param line   the line, on line rules; else null
     * @return true when the rule applies
     */
    boolean test(MemberView member, TxView tx, LineView line);

    /** The condition's text for explanations and checks; a lambda says {@code <java>}. */
    default String source() {
        return "<java>";
    }

    /** Whether the condition reads {@code line} (then it is only allowed on line rules). */
    default boolean readsLine() {
        return false;
    }
}
