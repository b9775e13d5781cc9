package io.loyaltykit.rules.mvel.internal;

import java.util.List;

/** The parsed condition, before typing. Every node keeps the offset of its token for messages. */
sealed interface Expr {

    int offset();

    /** A literal: Long, BigDecimal, String, Boolean or null. {@code text} is as written. */
    record Literal(Object value, String text, int offset) implements Expr {
    }

    /** A declared variable: member, tx, line. */
    record Var(String name, int offset) implements Expr {
    }

    /** A helper function call. */
    record Call(String function, List<Expr> args, int offset) implements Expr {
    }

    /** {@code target.name} (args null) or {@code target.name(args)}. */
    record Member(Expr target, String name, List<Expr> args, int offset) implements Expr {
    }

    /** {@code target[key]}. */
    record Index(Expr target, Expr key, int offset) implements Expr {
    }

    /** {@code !e} or {@code -e}. */
    record Unary(String op, Expr operand, int offset) implements Expr {
    }

    /** A binary operator. */
    record Binary(String op, Expr left, Expr right, int offset) implements Expr {
    }
}
