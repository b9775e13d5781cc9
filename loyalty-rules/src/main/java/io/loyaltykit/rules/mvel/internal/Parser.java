package io.loyaltykit.rules.mvel.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive descent over the condition grammar:
 *
 * <pre>
 * or       := and ('||' and)*
 * and      := eq ('&amp;&amp;' eq)*
 * eq       := rel (('==' | '!=') rel)?
 * rel      := add (('&lt;' | '&gt;' | '&lt;=' | '&gt;=') add)?
 * add      := mul (('+' | '-') mul)*
 * mul      := unary (('*' | '/' | '%') unary)*
 * unary    := ('!' | '-') unary | postfix
 * postfix  := primary ('.' IDENT ['(' args ')'] | '[' or ']')*     (not on literals or operator results)
 * primary  := literal | IDENT '(' args ')' | IDENT | '(' or ')'
 * </pre>
 *
 * Comparisons do not chain ({@code 1 < x < 3} is refused rather than read MVEL's way). Depth and node
 * count are bounded, so neither parsing nor evaluation can recurse without limit.
 */
final class Parser {

    private static final Set<String> KEYWORD_LITERALS = Set.of("true", "false", "null");

    private final List<Token> tokens;
    private final int maxDepth;
    private final int maxNodes;
    private int pos;
    private int depth;
    private int nodes;

    private Parser(List<Token> tokens, int maxDepth, int maxNodes) {
        this.tokens = tokens;
        this.maxDepth = maxDepth;
        this.maxNodes = maxNodes;
    }

    static Expr parse(List<Token> tokens, int maxDepth, int maxNodes) {
        Parser p = new Parser(tokens, maxDepth, maxNodes);
        Token first = p.peek();
        if (first.kind() == Token.Kind.EOF) {
            throw new Refusal("the condition is empty", null, 0);
        }
        Expr e = p.or();
        Token t = p.peek();
        if (t.kind() != Token.Kind.EOF) {
            throw new Refusal("unexpected '" + t.text() + "' after a complete expression", t.text(), t.offset());
        }
        return e;
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        return tokens.get(pos++);
    }

    private boolean accept(String op) {
        if (peek().is(op)) {
            pos++;
            return true;
        }
        return false;
    }

    private Token expect(String op, String what) {
        Token t = peek();
        if (!t.is(op)) {
            throw new Refusal("expected '" + op + "' " + what + ", found " + describe(t), tokenText(t), t.offset());
        }
        return next();
    }

    private static String describe(Token t) {
        return t.kind() == Token.Kind.EOF ? "the end of the condition" : "'" + t.text() + "'";
    }

    private static String tokenText(Token t) {
        return t.kind() == Token.Kind.EOF ? null : t.text();
    }

    private <E extends Expr> E node(E e) {
        if (++nodes > maxNodes) {
            String token = e instanceof Expr.Binary b ? b.op() : e instanceof Expr.Unary u ? u.op()
                    : e instanceof Expr.Literal l ? l.text() : e instanceof Expr.Var v ? v.name()
                    : e instanceof Expr.Member m ? m.name() : e instanceof Expr.Call c ? c.function() : "[";
            throw new Refusal("the condition is too large (more than " + maxNodes + " parts)", token, e.offset());
        }
        return e;
    }

    private void enter(Token at) {
        if (++depth > maxDepth) {
            throw new Refusal("the condition nests too deeply (more than " + maxDepth + " levels)", at.text(),
                    at.offset());
        }
    }

    private Expr or() {
        enter(peek());
        Expr e = and();
        while (peek().is("||")) {
            Token op = next();
            e = node(new Expr.Binary("||", e, and(), op.offset()));
        }
        depth--;
        return e;
    }

    private Expr and() {
        Expr e = equality();
        while (peek().is("&&")) {
            Token op = next();
            e = node(new Expr.Binary("&&", e, equality(), op.offset()));
        }
        return e;
    }

    private Expr equality() {
        Expr e = relational();
        if (peek().is("==") || peek().is("!=")) {
            Token op = next();
            e = node(new Expr.Binary(op.text(), e, relational(), op.offset()));
            if (peek().is("==") || peek().is("!=")) {
                Token again = peek();
                throw new Refusal("comparisons do not chain; combine them with && or parentheses", again.text(),
                        again.offset());
            }
        }
        return e;
    }

    private Expr relational() {
        Expr e = additive();
        Token t = peek();
        if (t.is("<") || t.is(">") || t.is("<=") || t.is(">=")) {
            Token op = next();
            e = node(new Expr.Binary(op.text(), e, additive(), op.offset()));
            Token again = peek();
            if (again.is("<") || again.is(">") || again.is("<=") || again.is(">=")) {
                throw new Refusal("comparisons do not chain; write a < x && x < b", again.text(), again.offset());
            }
        } else if (t.isWord("contains") || t.isWord("matches")) {
            throw new Refusal("'" + t.text() + "' is not an operator here; call it as a method, e.g. "
                    + "member.tags.contains('vip')", t.text(), t.offset());
        }
        return e;
    }

    private Expr additive() {
        Expr e = multiplicative();
        while (peek().is("+") || peek().is("-")) {
            Token op = next();
            e = node(new Expr.Binary(op.text(), e, multiplicative(), op.offset()));
        }
        return e;
    }

    private Expr multiplicative() {
        Expr e = unary();
        while (peek().is("*") || peek().is("/") || peek().is("%")) {
            Token op = next();
            e = node(new Expr.Binary(op.text(), e, unary(), op.offset()));
        }
        return e;
    }

    private Expr unary() {
        if (peek().is("!") || peek().is("-")) {
            Token op = next();
            enter(op);
            Expr operand = unary();
            depth--;
            return node(new Expr.Unary(op.text(), operand, op.offset()));
        }
        return postfix();
    }

    private Expr postfix() {
        Expr e = primary();
        // parentheses leave no trace in the tree, so (member.tier).length() reads like member.tier.length()
        boolean chainable = e instanceof Expr.Var || e instanceof Expr.Call || e instanceof Expr.Member
                || e instanceof Expr.Index;
        while (peek().is(".") || peek().is("[")) {
            Token t = peek();
            if (!chainable) {
                throw new Refusal("members can only be read from member, tx, line, their members or a function's "
                        + "result, not from a literal or an operator's result", t.text(), t.offset());
            }
            next();
            if (t.is(".")) {
                Token name = next();
                if (name.kind() != Token.Kind.IDENT) {
                    throw new Refusal("expected a name after '.', found " + describe(name), tokenText(name),
                            name.offset());
                }
                List<Expr> args = null;
                if (peek().is("(")) {
                    args = arguments();
                }
                e = node(new Expr.Member(e, name.text(), args, name.offset()));
            } else {
                enter(t);
                Expr key = or();
                depth--;
                expect("]", "to close the index");
                e = node(new Expr.Index(e, key, t.offset()));
            }
        }
        return e;
    }

    private List<Expr> arguments() {
        Token open = expect("(", "");
        enter(open);
        List<Expr> args = new ArrayList<>();
        if (!accept(")")) {
            do {
                args.add(or());
            } while (accept(","));
            expect(")", "to close the argument list");
        }
        depth--;
        return args;
    }

    private Expr primary() {
        Token t = next();
        switch (t.kind()) {
            case INT, DECIMAL, STRING:
                return node(new Expr.Literal(t.value(), t.text(), t.offset()));
            case IDENT:
                if (KEYWORD_LITERALS.contains(t.text())) {
                    Object v = t.text().equals("null") ? null : Boolean.valueOf(t.text());
                    return node(new Expr.Literal(v, t.text(), t.offset()));
                }
                if (peek().is("(")) {
                    return node(new Expr.Call(t.text(), arguments(), t.offset()));
                }
                return node(new Expr.Var(t.text(), t.offset()));
            case OP:
                if (t.is("(")) {
                    enter(t);
                    Expr e = or();
                    depth--;
                    expect(")", "to close the parenthesis");
                    return e;
                }
                throw new Refusal("unexpected '" + t.text() + "'", t.text(), t.offset());
            default:
                throw new Refusal("the condition ends too early", null, t.offset());
        }
    }
}
