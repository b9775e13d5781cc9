package io.loyaltykit.examples.common;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltykit.ErrorCode;
import io.loyaltykit.LoyaltyException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Reading fields of POS webhook JSON with errors that say where: a missing or malformed field fails with
 * {@link ErrorCode#INVALID_EVENT} and its path ({@code receipts[0].line_items[1].quantity}).
 *
 * <pre>{@code
 * String number = JsonFields.requireText(receipt, "receipt_number", "receipts[0]");
 * BigDecimal qty = JsonFields.requireDecimal(line, "quantity", "receipts[0].line_items[1]");
 * }</pre>
 */
public final class JsonFields {
    private JsonFields() {
    }

    /** A text field, or null when absent, null or blank. */
    public static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        String s = v.isValueNode() ? v.asText() : null;
        return s == null || s.isBlank() ? null : s;
    }

    /** A text field that must be there. */
    public static String requireText(JsonNode node, String field, String where) {
        String s = text(node, field);
        if (s == null) {
            throw invalid(where + "." + field + " is required");
        }
        return s;
    }

    /** A number (or a numeric string, as Square sends quantities), or null when absent or null. */
    public static BigDecimal decimal(JsonNode node, String field, String where) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isTextual()) {
            try {
                return new BigDecimal(v.asText().trim());
            } catch (NumberFormatException e) {
                throw invalid(where + "." + field + " is not a number: " + v.asText());
            }
        }
        throw invalid(where + "." + field + " is not a number");
    }

    /** A number that must be there. */
    public static BigDecimal requireDecimal(JsonNode node, String field, String where) {
        BigDecimal d = decimal(node, field, where);
        if (d == null) {
            throw invalid(where + "." + field + " is required");
        }
        return d;
    }

    /** An RFC 3339 instant, or null when absent. */
    public static Instant instant(JsonNode node, String field, String where) {
        String s = text(node, field);
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(where + "." + field + " is not a date-time: " + s);
        }
    }

    /** The elements of an array field; empty when absent or null; fails when it is something else. */
    public static List<JsonNode> array(JsonNode node, String field, String where) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw invalid(where + "." + field + " must be an array");
        }
        java.util.ArrayList<JsonNode> out = new java.util.ArrayList<>();
        v.forEach(out::add);
        return out;
    }

    private static LoyaltyException invalid(String message) {
        return new LoyaltyException(ErrorCode.INVALID_EVENT, message);
    }
}
