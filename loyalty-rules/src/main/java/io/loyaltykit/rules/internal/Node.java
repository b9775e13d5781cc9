package io.loyaltykit.rules.internal;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed JSON or YAML value that remembers where it was written: its JSON path and the line and column of
 * its first character. Jackson's tree model forgets locations, and every load error must name them.
 */
public final class Node {
    /** What a node holds. */
    public enum Kind {
        OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL;

        String article() {
            return switch (this) {
                case OBJECT -> "an object";
                case ARRAY -> "an array";
                case STRING -> "a string";
                case NUMBER -> "a number";
                case BOOLEAN -> "true or false";
                case NULL -> "null";
            };
        }
    }

    private final Kind kind;
    private final String path;
    private final int line;
    private final int column;
    private final Object value;
    private final Map<String, Node> fields;
    private final List<Node> items;
    private int textColumn;

    Node(Kind kind, String path, int line, int column, Object value, Map<String, Node> fields, List<Node> items) {
        this.kind = kind;
        this.path = path;
        this.line = line;
        this.column = column;
        this.textColumn = column;
        this.value = value;
        this.fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        this.items = items == null ? List.of() : List.copyOf(items);
    }

    /** Marks where a string's text begins (past an opening quote); returns this node for chaining. */
    Node textStart(int column) {
        this.textColumn = column;
        return this;
    }

    /** For a string, the column where its text begins (past an opening quote). */
    public int textColumn() {
        return textColumn;
    }

    public Kind kind() {
        return kind;
    }

    /** The JSON path, such as {@code $.earn[2].rate.per}. */
    public String path() {
        return path;
    }

    /** 1-based line. */
    public int line() {
        return line;
    }

    /** 1-based column. */
    public int column() {
        return column;
    }

    public boolean isObject() {
        return kind == Kind.OBJECT;
    }

    public boolean isArray() {
        return kind == Kind.ARRAY;
    }

    public boolean isString() {
        return kind == Kind.STRING;
    }

    public boolean isNumber() {
        return kind == Kind.NUMBER;
    }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    /** The text of a string node. */
    public String text() {
        return (String) value;
    }

    /** The exact value of a number node. */
    public BigDecimal number() {
        return (BigDecimal) value;
    }

    public boolean bool() {
        return (Boolean) value;
    }

    /** An object's fields in file order. */
    public Map<String, Node> fields() {
        return fields;
    }

    public Node get(String name) {
        return fields.get(name);
    }

    /** An array's items. */
    public List<Node> items() {
        return items;
    }

    /** What the node is, for messages: "a string", "an object". */
    public String describe() {
        return kind.article();
    }
}
