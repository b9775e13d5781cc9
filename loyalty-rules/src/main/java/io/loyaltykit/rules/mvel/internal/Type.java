package io.loyaltykit.rules.mvel.internal;

import io.loyaltykit.program.LineView;
import io.loyaltykit.program.MemberView;
import io.loyaltykit.program.TxView;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Map;

/**
 * The static type of a sub-expression: a Java class, and for lists and maps the element (value) type.
 * Only the types below exist in the condition language; nothing else can be reached.
 */
record Type(Class<?> cls, Type elem, String name) {

    static final Type BOOLEAN = new Type(Boolean.class, null, "true/false");
    static final Type STRING = new Type(String.class, null, "text");
    static final Type INT = new Type(Integer.class, null, "whole number (int)");
    static final Type LONG = new Type(Long.class, null, "whole number (long)");
    static final Type DECIMAL = new Type(BigDecimal.class, null, "decimal");
    static final Type NULL = new Type(Void.class, null, "null");
    /** A custom event attribute: only comparable with null; read it through attrText/attrNumber/attrFlag. */
    static final Type OBJECT = new Type(Object.class, null, "attribute value");
    static final Type INSTANT = new Type(Instant.class, null, "instant");
    static final Type DATE = new Type(LocalDate.class, null, "date");
    static final Type DAY_OF_WEEK = new Type(DayOfWeek.class, null, "day of week");
    static final Type MONTH = new Type(Month.class, null, "month");
    static final Type MEMBER = new Type(MemberView.class, null, "member");
    static final Type TX = new Type(TxView.class, null, "tx");
    static final Type LINE = new Type(LineView.class, null, "line");
    static final Type STRINGS = new Type(List.class, STRING, "list of text");
    static final Type LINES = new Type(List.class, LINE, "list of lines");
    static final Type ATTRIBUTES = new Type(Map.class, OBJECT, "attributes map");

    boolean integral() {
        return this == INT || this == LONG;
    }

    boolean numeric() {
        return integral() || this == DECIMAL;
    }

    boolean isEnum() {
        return cls.isEnum();
    }

    /** Whether a value of this type may be null at run time, so that {@code == null} means something. */
    boolean nullable() {
        return this != BOOLEAN && !integral() && this != NULL;
    }

    @Override
    public String toString() {
        return name;
    }
}
