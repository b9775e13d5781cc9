package io.loyaltykit.rules.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses JSON or YAML into {@link Node}s with locations. Duplicate keys are refused here, since the tree would
 * otherwise keep one of them silently.
 */
public final class LocatedParser {
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");
    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(64).maxStringLength(1 << 20).maxNumberLength(64).build();

    /** The source format. */
    public enum Format { JSON, YAML }

    /** A syntax error, with where it happened. */
    public static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;
        private final String path;

        SyntaxError(String message, int line, int column, String path) {
            super(message);
            this.line = line;
            this.column = column;
            this.path = path;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }

        public String path() {
            return path;
        }
    }

    private LocatedParser() {
    }

    /** Parses one document. */
    public static Node parse(String text, Format format) throws SyntaxError {
        JsonFactory factory = format == Format.YAML ? YAMLFactory.builder().streamReadConstraints(LIMITS).build()
                : JsonFactory.builder().streamReadConstraints(LIMITS).build();
        try (JsonParser p = factory.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new SyntaxError("the file is empty", 1, 1, "$");
            }
            Node root = read(p, "$", text.split("\n", -1));
            JsonToken extra = p.nextToken();
            if (extra != null) {
                JsonLocation at = p.currentTokenLocation();
                throw new SyntaxError("unexpected content after the program object", line(at), column(at), "$");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String path = "$";
            if (e.getProcessor() instanceof JsonParser jp) {
                path = pathOf(jp);
            }
            throw new SyntaxError(e.getOriginalMessage(), at == null ? 1 : line(at), at == null ? 1 : column(at), path);
        } catch (IOException e) {
            throw new SyntaxError(e.getMessage(), 1, 1, "$");
        }
    }

    private static Node read(JsonParser p, String path, String[] lines) throws IOException, SyntaxError {
        JsonLocation at = p.currentTokenLocation();
        int line = line(at);
        int column = column(at);
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, Node> fields = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonLocation keyAt = p.currentTokenLocation();
                    String child = child(path, name);
                    if (fields.containsKey(name)) {
                        throw new SyntaxError("duplicate key '" + name + "'", line(keyAt), column(keyAt), child);
                    }
                    p.nextToken();
                    fields.put(name, read(p, child, lines));
                }
                return new Node(Node.Kind.OBJECT, path, line, column, null, fields, null);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p, path + "[" + items.size() + "]", lines));
                }
                return new Node(Node.Kind.ARRAY, path, line, column, null, null, items);
            }
            case VALUE_STRING: {
                // a quoted scalar's text starts one column after its location; a plain YAML scalar's at it
                boolean quoted = line <= lines.length && column <= lines[line - 1].length()
                        && (lines[line - 1].charAt(column - 1) == '"' || lines[line - 1].charAt(column - 1) == '\'');
                return new Node(Node.Kind.STRING, path, line, column, p.getText(), null, null)
                        .textStart(quoted ? column + 1 : column);
            }
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                // the decimal text as written, never through a binary float
                return new Node(Node.Kind.NUMBER, path, line, column, new BigDecimal(p.getText()), null, null);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new Node(Node.Kind.BOOLEAN, path, line, column, t == JsonToken.VALUE_TRUE, null, null);
            case VALUE_NULL:
                return new Node(Node.Kind.NULL, path, line, column, null, null, null);
            default:
                throw new SyntaxError("unexpected " + t, line, column, path);
        }
    }

    /** The path of a field under an object path. */
    public static String child(String path, String name) {
        return PLAIN_KEY.matcher(name).matches() ? path + "." + name
                : path + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    private static String pathOf(JsonParser p) {
        StringBuilder sb = new StringBuilder();
        List<String> parts = new ArrayList<>();
        for (var ctx = p.getParsingContext(); ctx != null && !ctx.inRoot(); ctx = ctx.getParent()) {
            if (ctx.inObject()) {
                parts.add(0, ctx.getCurrentName() == null ? "" : "\u0000" + ctx.getCurrentName());
            } else if (ctx.inArray()) {
                parts.add(0, "[" + Math.max(0, ctx.getCurrentIndex()) + "]");
            }
        }
        String path = "$";
        for (String part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            path = part.charAt(0) == '\u0000' ? child(path, part.substring(1)) : path + part;
        }
        sb.append(path);
        return sb.toString();
    }

    private static int line(JsonLocation at) {
        return Math.max(1, at.getLineNr());
    }

    private static int column(JsonLocation at) {
        return Math.max(1, at.getColumnNr());
    }
}
