package io.loyaltykit.rules.mvel;

import io.loyaltykit.rules.mvel.internal.ConditionCompiler;
import io.loyaltykit.rules.mvel.internal.Refusal;

import java.time.Duration;
import java.util.Objects;

/**
 * Compiles {@code when} conditions into sandboxed {@link MvelCondition}s, with limits on their size and
 * on the time one evaluation may take.
 *
 * <p>MVEL on its own is not a sandbox: it trusts expression authors, resolves class names while it
 * compiles and lets an expression call any public method. So a condition goes through four gates, and MVEL
 * never sees the author's text:
 * <ol>
 *   <li>a lexer refuses every character and word outside the condition language ({@code new}, {@code =},
 *       {@code ;}, {@code @}, {@code $}, comments, {@code Runtime}, {@code System}, {@code getClass},
 *       package names...);</li>
 *   <li>a parser and type checker accept only the grammar and the allow-list below, and re-emit the
 *       condition as canonical MVEL text;</li>
 *   <li>MVEL compiles that text with strict typing against exactly the declared variables, with a class
 *       loader that loads nothing; the compiled tree is walked and any node kind, operator or chain of reads
 *       the checker did not write is refused;</li>
 *   <li>evaluation reads immutable views through a read-only variable factory, with a time budget.</li>
 * </ol>
 *
 * <p>The condition language: the variables {@code member}, {@code tx} and, on purchase rules, {@code line};
 * their fields, written {@code member.tier} or {@code member.tier()}; literals ({@code 150},
 * {@code 99.50} (a decimal, never a double), {@code 'text'} or {@code "text"}, {@code true}, {@code false},
 * {@code null}); {@code && || !}, {@code == != < > <= >=} (comparisons do not chain), {@code + - * / %}
 * (division is decimal; {@code %} takes whole numbers; {@code +} also joins two texts); days and months
 * compare with their names ({@code tx.dayOfWeek == 'TUESDAY'}, refused at load when misspelt);
 * {@code tx.attributes['key']} compares only with null. Methods that read:
 * text {@code length isEmpty isBlank startsWith endsWith contains equals equalsIgnoreCase indexOf lastIndexOf
 * substring trim strip toLowerCase toUpperCase} (root locale); decimals {@code compareTo signum abs negate
 * max min scale intValue longValue}; instants {@code isBefore isAfter equals getEpochSecond toEpochMilli};
 * dates {@code getYear getMonthValue getDayOfMonth getDayOfYear getDayOfWeek getMonth lengthOfMonth
 * isLeapYear isBefore isAfter isEqual}; days and months {@code name getValue}; lists {@code size isEmpty
 * contains}; attributes {@code size isEmpty containsKey get}. Functions: {@code hasCategory(tx, c)},
 * {@code hasSku(tx, s)}, {@code categoryNet(tx, c)}, {@code daysBetween(instant, instant)},
 * {@code attrText(tx, k)}, {@code attrNumber(tx, k, otherwise)}, {@code attrFlag(tx, k)}. Regular
 * expressions are left out on purpose: their matching time is unbounded.
 *
 * <pre>{@code
 * MvelSandbox sandbox = MvelSandbox.builder().evaluationBudget(Duration.ofMillis(50)).build();
 * MvelCondition c = sandbox.compile("colour-regulars",
 *         "line.sku.startsWith('COLOR-') && member.tags.contains('colour')", true);
 * }</pre>
 */
public final class MvelSandbox {

    private static final MvelSandbox DEFAULTS = builder().build();

    private final int maxLength;
    private final int maxDepth;
    private final int maxNodes;
    private final Duration evaluationBudget;

    private MvelSandbox(Builder b) {
        this.maxLength = b.maxLength;
        this.maxDepth = b.maxDepth;
        this.maxNodes = b.maxNodes;
        this.evaluationBudget = b.evaluationBudget;
    }

    /** The default limits: 2000 characters, 32 levels of nesting, 256 parts, one second per evaluation. */
    public static MvelSandbox ofDefaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Compiles a condition once, checked against the sandbox.
     *
     * @param ruleId     the rule, for messages
     * @param expression the condition's text
     * @param lineRule   whether {@code line} is declared (purchase rules)
     * @return the compiled condition
     * @throws ConditionException when the condition is refused; nothing was compiled or run
     */
    public MvelCondition compile(String ruleId, String expression, boolean lineRule) {
        Objects.requireNonNull(ruleId, "ruleId");
        try {
            return ConditionCompiler.compile(ruleId, expression, lineRule, maxLength, maxDepth, maxNodes,
                    evaluationBudget.toNanos());
        } catch (Refusal r) {
            throw new ConditionException(message(ruleId, expression, r), r.token(), ruleId, r.offset());
        }
    }

    private static String message(String ruleId, String expression, Refusal r) {
        StringBuilder b = new StringBuilder("rule '").append(ruleId).append("': ").append(r.getMessage());
        if (r.token() != null || r.offset() >= 0) {
            b.append(" [");
            if (r.token() != null) {
                b.append("token '").append(r.token()).append('\'');
            }
            if (r.offset() >= 0 && expression != null) {
                int line = 1;
                int col = 1;
                for (int k = 0; k < r.offset() && k < expression.length(); k++) {
                    if (expression.charAt(k) == '\n') {
                        line++;
                        col = 1;
                    } else {
                        col++;
                    }
                }
                b.append(r.token() != null ? " at " : "at ");
                if (line > 1) {
                    b.append("line ").append(line).append(", ");
                }
                b.append("column ").append(col);
            }
            b.append(']');
        }
        return b.toString();
    }

    /** Longest condition text accepted, in characters. */
    public int maxLength() {
        return maxLength;
    }

    /** Deepest nesting accepted. */
    public int maxDepth() {
        return maxDepth;
    }

    /** Most parts (literals, names, operators) accepted. */
    public int maxNodes() {
        return maxNodes;
    }

    /** Longest one evaluation may take before it fails with {@link ConditionEvaluationException}. */
    public Duration evaluationBudget() {
        return evaluationBudget;
    }

    /** Limits for a sandbox; every setting must be positive. */
    public static final class Builder {
        private int maxLength = 2000;
        private int maxDepth = 32;
        private int maxNodes = 256;
        private Duration evaluationBudget = Duration.ofSeconds(1);

        private Builder() {
        }

        /** Longest condition text accepted, in characters. */
        public Builder maxLength(int chars) {
            this.maxLength = positive(chars, "maxLength");
            return this;
        }

        /** Deepest nesting of parentheses, operators and calls accepted. */
        public Builder maxDepth(int levels) {
            this.maxDepth = positive(levels, "maxDepth");
            return this;
        }

        /** Most parts (literals, names, operators, calls) accepted. */
        public Builder maxNodes(int nodes) {
            this.maxNodes = positive(nodes, "maxNodes");
            return this;
        }

        /** Longest one evaluation may take; an evaluation over it fails instead of answering. */
        public Builder evaluationBudget(Duration budget) {
            Objects.requireNonNull(budget, "evaluationBudget");
            if (budget.isNegative() || budget.isZero()) {
                throw new IllegalArgumentException("evaluationBudget must be positive, not " + budget);
            }
            this.evaluationBudget = budget;
            return this;
        }

        /** The sandbox. */
        public MvelSandbox build() {
            return new MvelSandbox(this);
        }

        private static int positive(int v, String name) {
            if (v <= 0) {
                throw new IllegalArgumentException(name + " must be positive, not " + v);
            }
            return v;
        }
    }
}
