package io.loyaltykit.rules.mvel.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything a condition may read or call, keyed by the receiver's type and the member's name. A member
 * missing here does not exist for a condition, whatever the Java class offers.
 */
final class AllowList {

    /**
     * One readable member.
     *
     * @param name     as the author writes it
     * @param params   parameter types
     * @param result   result type
     * @param property whether it may also be written without parentheses (the views' record components)
     * @param viaFunction when non-null, emitted as {@code lk__fn.viaFunction(receiver, args)} instead of a call
     *                 on the receiver (so locale-dependent Java methods get a fixed locale)
     */
    record Spec(String name, List<Type> params, Type result, boolean property, String viaFunction) {
    }

    /** A helper function: {@code name(args)}. */
    record Function(String name, List<Type> params, Type result, String doc) {
    }

    private static final Map<Type, List<Spec>> MEMBERS = new LinkedHashMap<>();
    private static final Map<String, Function> FUNCTIONS = new LinkedHashMap<>();
    /** Methods refused with a specific reason, whatever the receiver. */
    private static final Map<String, String> REFUSED = Map.ofEntries(
            Map.entry("matches", "regular expressions are not allowed: their matching time is unbounded"),
            Map.entry("replaceAll", "regular expressions are not allowed: their matching time is unbounded"),
            Map.entry("replaceFirst", "regular expressions are not allowed: their matching time is unbounded"),
            Map.entry("split", "regular expressions are not allowed: their matching time is unbounded"),
            Map.entry("repeat", "conditions cannot allocate large values"),
            Map.entry("add", "conditions are read-only"), Map.entry("addAll", "conditions are read-only"),
            Map.entry("put", "conditions are read-only"), Map.entry("putAll", "conditions are read-only"),
            Map.entry("remove", "conditions are read-only"), Map.entry("removeAll", "conditions are read-only"),
            Map.entry("clear", "conditions are read-only"), Map.entry("set", "conditions are read-only"),
            Map.entry("replace", "conditions are read-only"), Map.entry("sort", "conditions are read-only"));

    static {
        view(Type.MEMBER, "id", Type.STRING, "tier", Type.STRING, "tags", Type.STRINGS, "gender", Type.STRING,
                "birthday", Type.DATE, "store", Type.STRING, "enrolledAt", Type.INSTANT, "referrer", Type.STRING,
                "points", Type.LONG);
        view(Type.TX, "id", Type.STRING, "type", Type.STRING, "store", Type.STRING, "staff", Type.STRING,
                "total", Type.DECIMAL, "at", Type.INSTANT, "dayOfWeek", Type.DAY_OF_WEEK, "hour", Type.INT,
                "lines", Type.LINES, "attributes", Type.ATTRIBUTES);
        view(Type.LINE, "line", Type.STRING, "sku", Type.STRING, "category", Type.STRING, "qty", Type.DECIMAL,
                "unitPrice", Type.DECIMAL, "net", Type.DECIMAL);

        Type s = Type.STRING;
        methods(s, m("length", Type.INT), m("isEmpty", Type.BOOLEAN), m("isBlank", Type.BOOLEAN),
                m("startsWith", Type.BOOLEAN, s), m("endsWith", Type.BOOLEAN, s), m("contains", Type.BOOLEAN, s),
                m("equals", Type.BOOLEAN, s), m("equalsIgnoreCase", Type.BOOLEAN, s), m("indexOf", Type.INT, s),
                m("lastIndexOf", Type.INT, s), m("substring", s, Type.INT), m("substring", s, Type.INT, Type.INT),
                m("trim", s), m("strip", s),
                new Spec("toLowerCase", List.of(), s, false, "lower"),
                new Spec("toUpperCase", List.of(), s, false, "upper"));
        Type d = Type.DECIMAL;
        methods(d, m("compareTo", Type.INT, d), m("signum", Type.INT), m("abs", d), m("negate", d),
                m("max", d, d), m("min", d, d), m("scale", Type.INT), m("intValue", Type.INT),
                m("longValue", Type.LONG));
        Type i = Type.INSTANT;
        methods(i, m("isBefore", Type.BOOLEAN, i), m("isAfter", Type.BOOLEAN, i), m("equals", Type.BOOLEAN, i),
                m("getEpochSecond", Type.LONG), m("toEpochMilli", Type.LONG));
        Type date = Type.DATE;
        methods(date, m("getYear", Type.INT), m("getMonthValue", Type.INT), m("getDayOfMonth", Type.INT),
                m("getDayOfYear", Type.INT), m("getDayOfWeek", Type.DAY_OF_WEEK), m("getMonth", Type.MONTH),
                m("lengthOfMonth", Type.INT), m("isLeapYear", Type.BOOLEAN), m("isBefore", Type.BOOLEAN, date),
                m("isAfter", Type.BOOLEAN, date), m("isEqual", Type.BOOLEAN, date));
        for (Type e : List.of(Type.DAY_OF_WEEK, Type.MONTH)) {
            methods(e, m("name", Type.STRING), m("getValue", Type.INT));
        }
        for (Type l : List.of(Type.STRINGS, Type.LINES)) {
            methods(l, m("size", Type.INT), m("isEmpty", Type.BOOLEAN), m("contains", Type.BOOLEAN, l.elem()));
        }
        methods(Type.ATTRIBUTES, m("size", Type.INT), m("isEmpty", Type.BOOLEAN),
                m("containsKey", Type.BOOLEAN, Type.STRING), m("get", Type.OBJECT, Type.STRING));

        fn("hasCategory", Type.BOOLEAN, "whether any line has this category", Type.TX, Type.STRING);
        fn("hasSku", Type.BOOLEAN, "whether any line has this sku", Type.TX, Type.STRING);
        fn("categoryNet", Type.DECIMAL, "the net of the lines of this category", Type.TX, Type.STRING);
        fn("daysBetween", Type.LONG, "whole days from the first instant to the second", Type.INSTANT,
                Type.INSTANT);
        fn("attrText", Type.STRING, "a custom event attribute as text, or null", Type.TX, Type.STRING);
        fn("attrNumber", Type.DECIMAL, "a custom event attribute as a decimal, or the third argument",
                Type.TX, Type.STRING, Type.DECIMAL);
        fn("attrFlag", Type.BOOLEAN, "whether a custom event attribute is true", Type.TX, Type.STRING);
    }

    private AllowList() {
    }

    private static Spec m(String name, Type result, Type... params) {
        return new Spec(name, List.of(params), result, false, null);
    }

    private static void view(Type view, Object... nameAndType) {
        List<Spec> specs = new ArrayList<>();
        for (int k = 0; k < nameAndType.length; k += 2) {
            specs.add(new Spec((String) nameAndType[k], List.of(), (Type) nameAndType[k + 1], true, null));
        }
        MEMBERS.put(view, Collections.unmodifiableList(specs));
    }

    private static void methods(Type receiver, Spec... specs) {
        MEMBERS.put(receiver, List.of(specs));
    }

    private static void fn(String name, Type result, String doc, Type... params) {
        FUNCTIONS.put(name, new Function(name, List.of(params), result, doc));
    }

    /** The members of a type, possibly none. */
    static List<Spec> members(Type receiver) {
        return MEMBERS.getOrDefault(receiver, List.of());
    }

    /** Every receiver type and its members, for documentation and tests. */
    static Map<Type, List<Spec>> all() {
        return Collections.unmodifiableMap(MEMBERS);
    }

    static Function function(String name) {
        return FUNCTIONS.get(name);
    }

    static Set<String> functionNames() {
        return Collections.unmodifiableSet(FUNCTIONS.keySet());
    }

    static String refusedReason(String method) {
        return REFUSED.get(method);
    }

    /** The member names of a type, sorted, for "allowed: ..." hints. */
    static String names(Type receiver) {
        Set<String> names = new TreeSet<>();
        for (Spec s : members(receiver)) {
            names.add(s.name());
        }
        return String.join(", ", names);
    }
}
