package io.loyaltykit.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Compares a simulate state with a scenario's expected.json the way the scenarios' checker does: the expected
 * document is a subset, lists compare item by item with equal lengths, and a string amount equals a number or
 * string of the same decimal value ("0.00" equals 0).
 */
final class StateMatcher {
    private StateMatcher() {
    }

    static List<String> mismatches(JsonNode expected, JsonNode state) {
        List<String> problems = new ArrayList<>();
        walk(expected, state, "$", problems);
        return problems;
    }

    private static void walk(JsonNode exp, JsonNode got, String path, List<String> problems) {
        if (exp.isObject()) {
            if (got == null || !got.isObject()) {
                problems.add(path + ": expected an object, got " + got);
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = exp.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (path.equals("$") && f.getKey().equals("asOf")) {
                    continue;
                }
                if (!got.has(f.getKey())) {
                    problems.add(path + "." + f.getKey() + ": missing (expected " + f.getValue() + ")");
                } else {
                    walk(f.getValue(), got.get(f.getKey()), path + "." + f.getKey(), problems);
                }
            }
        } else if (exp.isArray()) {
            if (got == null || !got.isArray() || got.size() != exp.size()) {
                problems.add(path + ": expected " + exp.size() + " items, got " + (got != null && got.isArray()
                        ? got.size() : "no list"));
                return;
            }
            for (int i = 0; i < exp.size(); i++) {
                walk(exp.get(i), got.get(i), path + "[" + i + "]", problems);
            }
        } else if (!same(exp, got)) {
            problems.add(path + ": expected " + exp + ", got " + got);
        }
    }

    private static boolean same(JsonNode exp, JsonNode got) {
        if (got == null) {
            return false;
        }
        if (exp.isTextual() && (got.isTextual() || got.isNumber())) {
            BigDecimal a = decimal(exp.asText());
            BigDecimal b = decimal(got.asText());
            if (a != null && b != null) {
                return a.compareTo(b) == 0;
            }
        }
        if (exp.isNumber() && got.isNumber()) {
            return exp.decimalValue().compareTo(got.decimalValue()) == 0;
        }
        return exp.equals(got);
    }

    private static BigDecimal decimal(String s) {
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
