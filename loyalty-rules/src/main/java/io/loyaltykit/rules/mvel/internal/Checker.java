package io.loyaltykit.rules.mvel.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Types a parsed condition against the allow-list and writes the MVEL text that will actually be compiled.
 * The emitted text is canonical: fully parenthesised, calls instead of property syntax, text literals
 * re-escaped, decimals as BigDecimal literals, whole numbers converted explicitly where they meet decimals
 * (MVEL would otherwise go through double). So MVEL compiles only what this class wrote, never the author's
 * text, and every chain of member reads it will see is recorded for the post-compilation check.
 */
final class Checker {

    /** A typed sub-expression and its MVEL text. {@code literal} holds the value of a literal, else null. */
    record Typed(Type type, String mvel, Expr source, boolean isLiteral, Object literal) {
    }

    /** What the checker produced. */
    record Result(String mvel, Set<String> chains, boolean readsLine) {
    }

    private final boolean lineRule;
    private final int maxDepth;
    private final Set<String> chains = new LinkedHashSet<>();
    private boolean readsLine;
    private int depth;

    private Checker(boolean lineRule, int maxDepth) {
        this.lineRule = lineRule;
        this.maxDepth = maxDepth;
    }

    static Result check(Expr e, boolean lineRule, int maxDepth, String source, int sourceOffset) {
        Checker c = new Checker(lineRule, maxDepth);
        Typed t = c.type(e);
        if (t.type() != Type.BOOLEAN) {
            throw new Refusal("a condition must be true or false, but this one is a " + t.type(), source,
                    sourceOffset);
        }
        String mvel = t.mvel();
        if (e instanceof Expr.Binary) {
            // a binary operator is always emitted as "(left op right)"; the outer pair would only cost MVEL a
            // sub-statement per evaluation
            mvel = mvel.substring(1, mvel.length() - 1);
        }
        return new Result(mvel, Set.copyOf(c.chains), c.readsLine);
    }

    private Typed type(Expr e) {
        return type(e, false);
    }

    /**
     * {@code continuesChain}: e is the left operand of the same {@code &&} or {@code ||}, so a flat list of
     * alternatives (sku == 'A' || sku == 'B' || ...) does not count as nesting.
     */
    private Typed type(Expr e, boolean continuesChain) {
        if (!continuesChain && ++depth > maxDepth) {
            throw new Refusal("the condition nests too deeply (more than " + maxDepth + " levels)", null,
                    e.offset());
        }
        try {
            if (e instanceof Expr.Literal l) {
                return literal(l);
            } else if (e instanceof Expr.Var v) {
                return variable(v);
            } else if (e instanceof Expr.Call c) {
                return call(c);
            } else if (e instanceof Expr.Member m) {
                return member(m);
            } else if (e instanceof Expr.Index x) {
                return index(x);
            } else if (e instanceof Expr.Unary u) {
                return unary(u);
            } else {
                return binary((Expr.Binary) e);
            }
        } finally {
            if (!continuesChain) {
                depth--;
            }
        }
    }

    // ------------------------------------------------------------------------------------------ leaves

    private Typed literal(Expr.Literal l) {
        Object v = l.value();
        if (v == null) {
            return new Typed(Type.NULL, "null", l, true, null);
        } else if (v instanceof Boolean b) {
            return new Typed(Type.BOOLEAN, b.toString(), l, true, b);
        } else if (v instanceof Long n) {
            Type t = n <= Integer.MAX_VALUE ? Type.INT : Type.LONG;
            return new Typed(t, t == Type.INT ? n.toString() : n + "L", l, true, n);
        } else if (v instanceof BigDecimal d) {
            return new Typed(Type.DECIMAL, d.toPlainString() + "B", l, true, d);
        } else {
            return new Typed(Type.STRING, quote((String) v), l, true, v);
        }
    }

    /** A double-quoted MVEL text literal holding exactly {@code s}. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }

    private Typed variable(Expr.Var v) {
        switch (v.name()) {
            case "member":
                return chain(Type.MEMBER, "member", v);
            case "tx":
                return chain(Type.TX, "tx", v);
            case "line":
                if (!lineRule) {
                    throw new Refusal("'line' is only declared in conditions of purchase rules", "line", v.offset());
                }
                readsLine = true;
                return chain(Type.LINE, "line", v);
            default:
                throw new Refusal("unknown name '" + v.name() + "': a condition reads member, tx"
                        + (lineRule ? ", line" : "") + " and calls " + String.join(", ", AllowList.functionNames()),
                        v.name(), v.offset());
        }
    }

    private Typed chain(Type t, String mvel, Expr source) {
        chains.add(mvel);
        return new Typed(t, mvel, source, false, null);
    }

    // ------------------------------------------------------------------------------------------ calls

    private Typed call(Expr.Call c) {
        AllowList.Function f = AllowList.function(c.function());
        if (f == null) {
            String why = AllowList.refusedReason(c.function());
            throw new Refusal("unknown function '" + c.function() + "'" + (why != null ? " (" + why + ")" : "")
                    + "; functions: " + String.join(", ", AllowList.functionNames()), c.function(), c.offset());
        }
        List<String> args = arguments(c.function(), f.params(), c.args(), c.offset());
        return chain(f.result(), Functions.VARIABLE + "." + f.name() + "(" + String.join(", ", args) + ")", c);
    }

    private Typed member(Expr.Member m) {
        Typed target = type(m.target());
        List<AllowList.Spec> specs = AllowList.members(target.type());
        String what = describe(m.target());
        if (m.args() == null) {
            for (AllowList.Spec s : specs) {
                if (s.property() && s.name().equals(m.name())) {
                    return chain(s.result(), target.mvel() + "." + s.name() + "()", m);
                }
            }
            boolean isMethod = specs.stream().anyMatch(s -> s.name().equals(m.name()));
            throw new Refusal(isMethod ? "'" + m.name() + "' is a method of " + what + ": write " + m.name() + "()"
                    : unknownMember(target.type(), m.name(), what), m.name(), m.offset());
        }
        AllowList.Spec match = null;
        boolean named = false;
        for (AllowList.Spec s : specs) {
            if (s.name().equals(m.name())) {
                named = true;
                if (s.params().size() == m.args().size()) {
                    match = s;
                    break;
                }
            }
        }
        if (match == null) {
            throw new Refusal(named ? "'" + m.name() + "' on " + what + " does not take " + m.args().size()
                    + " argument(s)" : unknownMember(target.type(), m.name(), what), m.name(), m.offset());
        }
        List<String> args = arguments(m.name(), match.params(), m.args(), m.offset());
        if (match.viaFunction() != null) {
            List<String> all = new ArrayList<>();
            all.add(target.mvel());
            all.addAll(args);
            return chain(match.result(), Functions.VARIABLE + "." + match.viaFunction() + "(" + String.join(", ", all)
                    + ")", m);
        }
        return chain(match.result(), target.mvel() + "." + match.name() + "(" + String.join(", ", args) + ")", m);
    }

    private static String unknownMember(Type type, String name, String what) {
        String why = AllowList.refusedReason(name);
        String allowed = AllowList.names(type);
        return "'" + name + "' is not allowed on " + what + " (a " + type + ")" + (why != null ? ": " + why : "")
                + (allowed.isEmpty() ? "; nothing can be read from it" : "; allowed: " + allowed);
    }

    private static String describe(Expr e) {
        if (e instanceof Expr.Var v) {
            return v.name();
        }
        if (e instanceof Expr.Member m) {
            return describe(m.target()) + "." + m.name() + (m.args() == null ? "" : "()");
        }
        if (e instanceof Expr.Call c) {
            return c.function() + "()";
        }
        return "the value";
    }

    private List<String> arguments(String name, List<Type> params, List<Expr> given, int offset) {
        if (params.size() != given.size()) {
            throw new Refusal("'" + name + "' takes " + params.size() + " argument(s), not " + given.size(), name,
                    offset);
        }
        List<String> out = new ArrayList<>(given.size());
        for (int k = 0; k < params.size(); k++) {
            Typed a = type(given.get(k));
            Type p = params.get(k);
            out.add(coerce(a, p, name, k + 1));
        }
        return out;
    }

    private String coerce(Typed a, Type p, String name, int position) {
        Type t = a.type();
        if (t == p) {
            return a.mvel();
        }
        if (p == Type.DECIMAL && t.integral()) {
            return asDecimal(a);
        }
        if (p == Type.LONG && t == Type.INT) {
            return a.mvel();
        }
        if (p == Type.INT && t == Type.LONG && a.isLiteral()) {
            throw new Refusal("argument " + position + " of '" + name + "' must fit an int", a.source() instanceof
                    Expr.Literal l ? l.text() : name, a.source().offset());
        }
        if (t == Type.NULL && p.nullable()) {
            return a.mvel();
        }
        throw new Refusal("argument " + position + " of '" + name + "' must be a " + p + ", not a " + t,
                tokenOf(a.source(), name), a.source().offset());
    }

    private static String tokenOf(Expr e, String fallback) {
        if (e instanceof Expr.Literal l) {
            return l.text();
        } else if (e instanceof Expr.Var v) {
            return v.name();
        } else if (e instanceof Expr.Member m) {
            return m.name();
        } else if (e instanceof Expr.Call c) {
            return c.function();
        } else if (e instanceof Expr.Binary b) {
            return b.op();
        } else if (e instanceof Expr.Unary u) {
            return u.op();
        }
        return fallback;
    }

    private Typed index(Expr.Index x) {
        Typed target = type(x.target());
        if (target.type() != Type.ATTRIBUTES) {
            throw new Refusal("only tx.attributes can be indexed; " + describe(x.target()) + " is a "
                    + target.type(), "[", x.offset());
        }
        Typed key = type(x.key());
        if (key.type() != Type.STRING) {
            throw new Refusal("an attribute name must be text, not a " + key.type(), tokenOf(x.key(), "["),
                    x.key().offset());
        }
        return chain(Type.OBJECT, target.mvel() + ".get(" + key.mvel() + ")", x);
    }

    /** {@code a} as a BigDecimal: decimals as they are, whole literals with MVEL's B suffix, others converted. */
    private String asDecimal(Typed a) {
        if (a.type() == Type.DECIMAL) {
            return a.mvel();
        }
        if (a.isLiteral()) {
            return a.literal() + "B";
        }
        String mvel = Functions.VARIABLE + ".dec(" + a.mvel() + ")";
        chains.add(mvel);
        return mvel;
    }

    // ------------------------------------------------------------------------------------------ operators

    private Typed unary(Expr.Unary u) {
        Typed a = type(u.operand());
        if (u.op().equals("!")) {
            if (a.type() != Type.BOOLEAN) {
                throw new Refusal("'!' needs true or false, not a " + a.type(), "!", u.offset());
            }
            return new Typed(Type.BOOLEAN, "!(" + a.mvel() + ")", u, false, null);
        }
        if (!a.type().numeric()) {
            throw new Refusal("'-' needs a number, not a " + a.type(), "-", u.offset());
        }
        String zero = a.type() == Type.DECIMAL ? "0B" : a.type() == Type.LONG ? "0L" : "0";
        return new Typed(a.type(), "(" + zero + " - " + a.mvel() + ")", u, false, null);
    }

    private Typed binary(Expr.Binary b) {
        String op = b.op();
        boolean chain = (op.equals("&&") || op.equals("||")) && b.left() instanceof Expr.Binary lb
                && lb.op().equals(op);
        Typed l = type(b.left(), chain);
        Typed r = type(b.right());
        switch (op) {
            case "&&", "||" -> {
                if (l.type() != Type.BOOLEAN || r.type() != Type.BOOLEAN) {
                    throw mismatch(b, "'" + op + "' joins true/false values", l, r);
                }
                // (a || b) || c is a || b || c: emitted flat, so long lists of alternatives do not nest in MVEL
                String left = chain ? l.mvel().substring(1, l.mvel().length() - 1) : l.mvel();
                return bool("(" + left + " " + op + " " + r.mvel() + ")", b);
            }
            case "==", "!=" -> {
                return equality(b, l, r);
            }
            case "<", ">", "<=", ">=" -> {
                if (!l.type().numeric() || !r.type().numeric()) {
                    throw mismatch(b, "'" + op + "' orders numbers (use isBefore/isAfter for instants and dates)",
                            l, r);
                }
                return bool(numericPair(l, r, op), b);
            }
            case "+" -> {
                if (l.type() == Type.STRING && r.type() == Type.STRING) {
                    return new Typed(Type.STRING, "(" + l.mvel() + " + " + r.mvel() + ")", b, false, null);
                }
                return arithmetic(b, l, r);
            }
            case "-", "*" -> {
                return arithmetic(b, l, r);
            }
            case "/" -> {
                if (!l.type().numeric() || !r.type().numeric()) {
                    throw mismatch(b, "'/' divides numbers", l, r);
                }
                // division is always decimal: MVEL divides whole numbers in double
                return new Typed(Type.DECIMAL, "(" + asDecimal(l) + " / " + asDecimal(r) + ")", b, false, null);
            }
            case "%" -> {
                if (!l.type().integral() || !r.type().integral()) {
                    throw mismatch(b, "'%' takes whole numbers", l, r);
                }
                return new Typed(resultType(l.type(), r.type()), numericPair(l, r, "%"), b, false, null);
            }
            default -> throw new Refusal("operator '" + op + "' is not allowed", op, b.offset());
        }
    }

    private Typed arithmetic(Expr.Binary b, Typed l, Typed r) {
        if (!l.type().numeric() || !r.type().numeric()) {
            throw mismatch(b, "'" + b.op() + "' " + (b.op().equals("+") ? "adds numbers or joins two texts"
                    : "takes numbers"), l, r);
        }
        Type t = resultType(l.type(), r.type());
        return new Typed(t, numericPair(l, r, b.op()), b, false, null);
    }

    private static Type resultType(Type a, Type b) {
        if (a == Type.DECIMAL || b == Type.DECIMAL) {
            return Type.DECIMAL;
        }
        return a == Type.LONG || b == Type.LONG ? Type.LONG : Type.INT;
    }

    /**
     * Both operands at one type: MVEL mixes Long with BigDecimal, and Long with Integer, through double
     * (1200 % 0 came out as 0 and 1200 / 7 as 171.42857142857141639...), so mixed pairs are widened first.
     */
    private String numericPair(Typed l, Typed r, String op) {
        if (l.type() == Type.DECIMAL || r.type() == Type.DECIMAL) {
            return "(" + asDecimal(l) + " " + op + " " + asDecimal(r) + ")";
        }
        if (l.type() != r.type()) {
            return "(" + asLong(l) + " " + op + " " + asLong(r) + ")";
        }
        return "(" + l.mvel() + " " + op + " " + r.mvel() + ")";
    }

    private String asLong(Typed a) {
        if (a.type() == Type.LONG) {
            return a.mvel();
        }
        if (a.isLiteral()) {
            return a.literal() + "L";
        }
        String mvel = Functions.VARIABLE + ".wide(" + a.mvel() + ")";
        chains.add(mvel);
        return mvel;
    }

    private Typed equality(Expr.Binary b, Typed l, Typed r) {
        String op = b.op();
        Type lt = l.type();
        Type rt = r.type();
        if (lt.numeric() && rt.numeric()) {
            return bool(numericPair(l, r, op), b);
        }
        if (lt == Type.NULL || rt == Type.NULL) {
            Typed other = lt == Type.NULL ? r : l;
            if (other.type() == Type.NULL || !other.type().nullable()) {
                throw mismatch(b, "a " + other.type() + " is never null", l, r);
            }
            return bool("(" + other.mvel() + " " + op + " null)", b);
        }
        if (lt == Type.OBJECT || rt == Type.OBJECT) {
            throw mismatch(b, "an attribute value can only be compared with null; read it with attrText, "
                    + "attrNumber or attrFlag", l, r);
        }
        if (lt.isEnum() || rt.isEnum()) {
            return enumEquality(b, l, r);
        }
        if (lt == rt && (lt == Type.STRING || lt == Type.BOOLEAN)) {
            return bool("(" + l.mvel() + " " + op + " " + r.mvel() + ")", b);
        }
        throw mismatch(b, "'" + op + "' compares numbers, texts, true/false values, days and months (instants and "
                + "dates with isBefore, isAfter, equals)", l, r);
    }

    private Typed enumEquality(Expr.Binary b, Typed l, Typed r) {
        Typed e = l.type().isEnum() ? l : r;
        Typed other = e == l ? r : l;
        if (other.type() == e.type()) {
            return bool("(" + name(l) + " " + b.op() + " " + name(r) + ")", b);
        }
        if (other.type() != Type.STRING || !other.isLiteral()) {
            throw mismatch(b, "a " + e.type() + " is compared with another " + e.type() + " or a literal such as '"
                    + e.type().cls().getEnumConstants()[0] + "'", l, r);
        }
        String constant = (String) other.literal();
        boolean known = false;
        for (Object c : e.type().cls().getEnumConstants()) {
            known |= ((Enum<?>) c).name().equals(constant);
        }
        if (!known) {
            throw new Refusal("'" + constant + "' is not a " + e.type() + "; write it in capitals, e.g. '"
                    + e.type().cls().getEnumConstants()[0] + "'", ((Expr.Literal) other.source()).text(),
                    other.source().offset());
        }
        return bool("(" + name(e) + " " + b.op() + " " + other.mvel() + ")", b);
    }

    private String name(Typed e) {
        String mvel = e.mvel() + ".name()";
        chains.add(mvel);
        return mvel;
    }

    private static Typed bool(String mvel, Expr source) {
        return new Typed(Type.BOOLEAN, mvel, source, false, null);
    }

    private static Refusal mismatch(Expr.Binary b, String rule, Typed l, Typed r) {
        return new Refusal(rule + "; here " + l.type() + " " + b.op() + " " + r.type(), b.op(), b.offset());
    }
}
