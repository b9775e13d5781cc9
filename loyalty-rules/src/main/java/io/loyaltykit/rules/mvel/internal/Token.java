package io.loyaltykit.rules.mvel.internal;

/** One lexical token of a condition, with its offset for messages. */
record Token(Kind kind, String text, Object value, int offset) {

    enum Kind { IDENT, INT, DECIMAL, STRING, OP, EOF }

    boolean is(String op) {
        return kind == Kind.OP && text.equals(op);
    }

    boolean isWord(String word) {
        return kind == Kind.IDENT && text.equals(word);
    }
}
