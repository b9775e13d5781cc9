package io.loyaltykit.rules.mvel.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The first line of defence: splits a condition into tokens and refuses, before anything is parsed, every
 * character and word that has no business in a read-only boolean expression. MVEL itself never sees the
 * text this lexer reads (it compiles the checker's re-emitted text), so nothing here depends on how MVEL
 * would have read it; the refusals below exist to give a precise message early.
 */
final class Lexer {

    /** Words refused wherever they appear, with the reason given to the author. */
    private static final Map<String, String> DENIED = new HashMap<>();

    static {
        deny("conditions cannot create objects", "new");
        deny("conditions cannot import classes", "import");
        deny("conditions cannot define functions", "def", "function");
        deny("conditions cannot loop", "while", "for", "foreach", "do", "until");
        deny("conditions are one expression, not statements", "if", "else", "return", "var", "with", "assert",
                "switch", "case", "break", "continue", "throw", "try", "catch", "finally", "synchronized");
        deny("conditions cannot reach classes or reflection", "class", "Class", "getClass", "forName",
                "ClassLoader", "getClassLoader", "reflect", "invoke", "getMethod", "getDeclaredMethod",
                "getMethods", "getField", "getDeclaredField", "getConstructor", "newInstance", "setAccessible",
                "MethodHandles", "Unsafe", "instanceof", "is", "convertable_to", "this", "super");
        deny("conditions cannot reach the runtime, threads or processes", "Runtime", "System", "Thread",
                "ThreadGroup", "Process", "ProcessBuilder", "ProcessHandle", "exec", "exit", "halt", "load",
                "loadLibrary", "getenv", "getProperty", "setProperty", "Executors", "sleep", "wait", "notify",
                "start");
        deny("conditions cannot do I/O", "File", "Files", "Path", "Paths", "FileSystems", "URL", "URI", "Socket",
                "ServerSocket", "HttpClient", "InputStream", "OutputStream", "Reader", "Writer");
        deny("conditions cannot evaluate other expressions", "MVEL", "eval", "compileExpression",
                "executeExpression", "TemplateRuntime", "ScriptEngine", "isdef");
        deny("conditions cannot name classes by package", "java", "javax", "jdk", "sun", "com", "org");
        deny("MVEL operators outside the condition language", "in", "soundslike", "strsim", "empty",
                "nil");
    }

    private static void deny(String reason, String... words) {
        for (String w : words) {
            DENIED.put(w, reason);
        }
    }

    /** Whether a word is refused wherever it appears. */
    static boolean denied(String word) {
        return DENIED.containsKey(word);
    }

    private final String src;
    private int i;

    private Lexer(String src) {
        this.src = src;
    }

    static List<Token> tokens(String src) {
        return new Lexer(src).run();
    }

    private List<Token> run() {
        List<Token> out = new ArrayList<>();
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i++;
            } else if (isIdentStart(c)) {
                out.add(identifier());
            } else if (c >= '0' && c <= '9') {
                out.add(number());
            } else if (c == '\'' || c == '"') {
                out.add(string(c));
            } else {
                out.add(operator());
            }
        }
        out.add(new Token(Token.Kind.EOF, "", null, n));
        return out;
    }

    private static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isIdentPart(char c) {
        return isIdentStart(c) || (c >= '0' && c <= '9');
    }

    private Token identifier() {
        int start = i;
        while (i < src.length() && isIdentPart(src.charAt(i))) {
            i++;
        }
        String word = src.substring(start, i);
        String reason = DENIED.get(word);
        if (reason != null) {
            throw new Refusal("'" + word + "' is not allowed: " + reason, word, start);
        }
        return new Token(Token.Kind.IDENT, word, null, start);
    }

    private Token number() {
        int start = i;
        while (i < src.length() && isAsciiDigit(src.charAt(i))) {
            i++;
        }
        boolean decimal = false;
        if (i + 1 < src.length() && src.charAt(i) == '.' && isAsciiDigit(src.charAt(i + 1))) {
            decimal = true;
            i++;
            while (i < src.length() && isAsciiDigit(src.charAt(i))) {
                i++;
            }
        }
        // suffixes (10L, 1.5B, 1e3, 0x1F) and leading zeros (MVEL reads 010 as octal) are refused, so a number
        // means the same to the author, to the checker and to MVEL
        while (i < src.length() && isIdentPart(src.charAt(i))) {
            i++;
        }
        String text = src.substring(start, i);
        if (!text.matches(decimal ? "(0|[1-9][0-9]*)\\.[0-9]+" : "0|[1-9][0-9]*")) {
            throw new Refusal("'" + text + "' is not a number the condition language reads: write whole numbers "
                    + "like 150 and decimals like 99.50, without suffixes, exponents or leading zeros", text, start);
        }
        if (decimal) {
            return new Token(Token.Kind.DECIMAL, text, new BigDecimal(text), start);
        }
        try {
            return new Token(Token.Kind.INT, text, Long.parseLong(text), start);
        } catch (NumberFormatException e) {
            throw new Refusal("'" + text + "' is too large for a whole number", text, start);
        }
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Token string(char quote) {
        int start = i++;
        StringBuilder b = new StringBuilder();
        while (true) {
            if (i >= src.length()) {
                throw new Refusal("unterminated text literal", src.substring(start, Math.min(src.length(), start + 20)),
                        start);
            }
            char c = src.charAt(i);
            if (c == quote) {
                i++;
                break;
            }
            if (c < 0x20 || c == 0x7f) {
                throw new Refusal("control character U+" + String.format("%04X", (int) c)
                        + " in a text literal; write \\n or \\t", String.valueOf(c), i);
            }
            if (c == '\\') {
                if (i + 1 >= src.length()) {
                    throw new Refusal("unterminated text literal", "\\", i);
                }
                char e = src.charAt(i + 1);
                switch (e) {
                    case '\\', '\'', '"' -> b.append(e);
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    default -> throw new Refusal("escape '\\" + e + "' is not allowed; use \\\\, \\', \\\", \\n, \\t "
                            + "or \\r", "\\" + e, i);
                }
                i += 2;
                continue;
            }
            b.append(c);
            i++;
        }
        return new Token(Token.Kind.STRING, src.substring(start, i), b.toString(), start);
    }

    private static final String[] TWO = {"&&", "||", "==", "!=", "<=", ">="};

    private Token operator() {
        int start = i;
        char c = src.charAt(i);
        String two = i + 1 < src.length() ? src.substring(i, i + 2) : "";
        for (String t : TWO) {
            if (t.equals(two)) {
                i += 2;
                return new Token(Token.Kind.OP, t, null, start);
            }
        }
        switch (two) {
            case "+=", "-=", "*=", "/=", "%=", "|=", "&=", "^=", "<<", ">>" ->
                    throw new Refusal("'" + two + "' is not allowed: conditions cannot assign or shift", two, start);
            case "++", "--" -> throw new Refusal("'" + two + "' is not allowed: conditions cannot change values",
                    two, start);
            case "//", "/*" -> throw new Refusal("comments are not allowed in a condition", two, start);
            case ".?" -> throw new Refusal("'.?' null-safe navigation is not supported; compare with null first",
                    two, start);
            case "::", "->" -> throw new Refusal("'" + two + "' is not allowed: conditions cannot hold lambdas",
                    two, start);
            default -> {
            }
        }
        switch (c) {
            case '!', '<', '>', '+', '-', '*', '/', '%', '(', ')', '[', ']', '.', ',' -> {
                i++;
                return new Token(Token.Kind.OP, String.valueOf(c), null, start);
            }
            case '=' -> throw new Refusal("'=' is not allowed: conditions cannot assign; compare with '=='", "=",
                    start);
            case ';' -> throw new Refusal("';' is not allowed: a condition is one expression", ";", start);
            case '{', '}' -> throw new Refusal("'" + c + "' is not allowed: conditions have no blocks, maps or "
                    + "projections", String.valueOf(c), start);
            case '@' -> throw new Refusal("'@' is not allowed: no interceptors, templates or macros", "@", start);
            case '$' -> throw new Refusal("'$' is not allowed: no projections or folds", "$", start);
            case '#' -> throw new Refusal("'#' is not allowed", "#", start);
            case '`' -> throw new Refusal("'`' is not allowed", "`", start);
            case '\\' -> throw new Refusal("'\\' is not allowed outside a text literal", "\\", start);
            case '?', ':' -> throw new Refusal("'" + c + "' is not allowed: no ternaries or inline collections; "
                    + "combine with && and ||", String.valueOf(c), start);
            case '&', '|' -> throw new Refusal("'" + c + "' is not allowed; use '" + c + c + "'", String.valueOf(c),
                    start);
            case '~' -> throw new Refusal("'~' is not allowed: no regular expressions", "~", start);
            case '^' -> throw new Refusal("'^' is not allowed", "^", start);
            default -> {
                String shown = c < 0x20 || c == 0x7f || c > 0x7e ? "U+" + String.format("%04X", (int) c)
                        : "'" + c + "'";
                throw new Refusal("character " + shown + " is not allowed outside a text literal",
                        String.valueOf(c), start);
            }
        }
    }
}
